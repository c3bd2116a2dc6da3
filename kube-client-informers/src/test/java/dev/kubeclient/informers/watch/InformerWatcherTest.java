package dev.kubeclient.informers.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.testing.FakeClock;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watch over an informer's handler, with an informer whose {@link SharedIndexInformer#stop()}
 * fails as closing a live HTTP watch from a foreign thread once did (Okio's buffers are not
 * thread-safe): the reader must end regardless.
 */
class InformerWatcherTest {
  private final ExecutorService background = Executors.newCachedThreadPool();
  private final AtomicReference<ResourceEventHandler<ConfigMap>> handler = new AtomicReference<>();

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  /** An informer that records its handler and whose stop() always throws. */
  @SuppressWarnings("unchecked")
  private SharedIndexInformer<ConfigMap> informerFailingToStop() {
    return (SharedIndexInformer<ConfigMap>)
        Proxy.newProxyInstance(
            SharedIndexInformer.class.getClassLoader(),
            new Class<?>[] {SharedIndexInformer.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "addEventHandler" -> {
                    handler.set((ResourceEventHandler<ConfigMap>) args[0]);
                    yield null;
                  }
                  case "stop" -> throw new IllegalStateException("stop failed");
                  case "toString" -> "informerFailingToStop";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void close_informerStopFails_blockedReaderStillEnds() throws Exception {
    InformerWatcher<ConfigMap> w = new InformerWatcher<>(informerFailingToStop());
    Future<Boolean> reader = background.submit(w::hasNext);
    assertThatThrownBy(w::close).hasMessage("stop failed");
    assertThat(reader.get(30, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void close_beforeTheReaderWaits_readerSeesEventsThenTheEnd() {
    InformerWatcher<ConfigMap> w = new InformerWatcher<>(informerFailingToStop());
    handler.get().onAdd(new ConfigMap().metadata(m -> m.name("a")), false);
    assertThatThrownBy(w::close).hasMessage("stop failed");
    assertThatThrownBy(w::close).hasMessage("stop failed");
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          assertThat(w.next().type()).isEqualTo(WatchEvent.Type.ADDED);
          assertThat(w.hasNext()).isFalse();
          assertThat(w.hasNext()).isFalse();
        });
  }

  /**
   * The hang once seen in {@code untilWithSync}: the deadline thread's close failed inside the
   * informer's stop, that thread ended, and the reader waited for an end nobody would queue.
   */
  @Test
  void untilWithoutRetry_closeAtTheDeadlineFails_stillTimesOut() {
    FakeClock clock = WatchToolsTest.runningFakeClock(background);
    InformerWatcher<ConfigMap> w = new InformerWatcher<>(informerFailingToStop());
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            assertThatThrownBy(
                    () ->
                        WatchTools.untilWithoutRetry(
                            clock, Duration.ofMinutes(1), w, List.of(e -> false)))
                .isInstanceOf(WaitTimeoutException.class));
  }
}
