package dev.kubeclient.informers.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A listener held by the drain task delivers nothing until released (or until a full batch waits),
 * then everything in order.
 */
class ProcessorListenerHoldTest {
  private final InformerRuntime runtime = new InformerRuntime("hold-test", Clock.system(), 2);
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final ProcessorListener<String> listener =
      new ProcessorListener<>(
          new ResourceEventHandler<>() {
            @Override
            public void onAdd(String obj, boolean isInInitialList) {
              delivered.add(obj);
            }
          },
          Duration.ZERO,
          Duration.ZERO,
          runtime.pool(),
          runtime.clock(),
          "pods");

  @AfterEach
  void stop() throws InterruptedException {
    listener.stop();
    runtime.shutdown();
  }

  @Test
  void held_deliversNothingUntilReleased_thenAllInOrder() throws Exception {
    listener.start();
    listener.hold();
    listener.add(Notification.add("a", false));
    listener.add(Notification.add("b", false));
    listener.add(Notification.add("c", false));
    Thread.sleep(200);
    assertThat(delivered).as("while held").isEmpty();
    listener.release();
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
    assertThat(delivered).containsExactly("a", "b", "c");
  }

  @Test
  void held_aFullBatchStartsDeliveryWithoutRelease() {
    listener.start();
    listener.hold();
    for (int i = 0; i < ProcessorListener.MAX_HELD; i++) {
      listener.add(Notification.add("o" + i, false));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> delivered.size() == ProcessorListener.MAX_HELD);
    assertThat(delivered).first().isEqualTo("o0");
  }

  @Test
  void notHeld_deliversAtOnce() {
    listener.start();
    listener.add(Notification.add("a", false));
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
  }
}
