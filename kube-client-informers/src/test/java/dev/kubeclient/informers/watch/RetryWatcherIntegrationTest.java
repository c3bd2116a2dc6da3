package dev.kubeclient.informers.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.client.core.v1.ConfigMapClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RetryWatcher against the embedded server and its faults. */
class RetryWatcherIntegrationTest {
  private final TestServer test = new TestServer();
  private final EmbeddedApiServer server = test.server;
  private final ClientSet clientSet = test.clientSet;
  private final ConfigMapClient configMaps = clientSet.coreV1().configMaps("default");

  @AfterEach
  void stop() {
    test.close();
  }

  private String currentResourceVersion() {
    return configMaps.list().getMetadata().getResourceVersion();
  }

  private void create(String name) {
    configMaps.create(new ConfigMap().metadata(m -> m.name(name)));
  }

  private RetryWatcher<ConfigMap> retryWatcher(String rv) {
    return new RetryWatcher<>(rv, configMaps::watch, Clock.system(), Duration.ofMillis(5));
  }

  private static List<String> read(RetryWatcher<ConfigMap> w, int n) {
    List<String> names = new ArrayList<>();
    while (names.size() < n && w.hasNext()) {
      WatchEvent<ConfigMap> e = w.next();
      assertThat(e.type()).isEqualTo(WatchEvent.Type.ADDED);
      names.add(e.object().getMetadata().getName());
    }
    return names;
  }

  private static List<String> names(String prefix, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  @Test
  void hasNext_serverClosesWatchesAndRestarts_seesEveryChangeOnceInOrder() {
    String rv = currentResourceVersion();
    for (int i = 0; i < 40; i++) {
      create("cm" + i);
    }
    server.faults().closeWatchesAfter(7);
    try (RetryWatcher<ConfigMap> w = retryWatcher(rv)) {
      assertThat(read(w, 40)).isEqualTo(names("cm", 0, 40));
      server.faults().reset();
      server.faults().restart(true);
      for (int i = 40; i < 50; i++) {
        create("cm" + i);
      }
      assertThat(read(w, 10)).isEqualTo(names("cm", 40, 50));
      server.faults().closeAllWatches();
      create("cm50");
      assertThat(read(w, 1)).containsExactly("cm50");
    }
  }

  @Test
  void hasNext_afterBookmark_resumesFromTheBookmarkPastACompaction() {
    String rv = currentResourceVersion();
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (RetryWatcher<ConfigMap> w =
        new RetryWatcher<>(
            rv,
            opts -> configMaps.watch(opts.fieldSelector("metadata.name=target")),
            Clock.system(),
            Duration.ofMillis(5))) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  seen.addAll(read(w, 1));
                } catch (Throwable t) {
                  failure.set(t);
                }
              });
      reader.start();
      for (int i = 0; i < 10; i++) {
        create("other" + i);
      }
      String latest = currentResourceVersion();
      await().atMost(Duration.ofSeconds(20)).until(() -> w.lastResourceVersion().equals(latest));
      // Without the bookmark the next watch would start from rv, which is compacted away now.
      server.faults().compactHistory();
      server.faults().closeAllWatches();
      create("target");
      await().atMost(Duration.ofSeconds(20)).until(() -> !reader.isAlive());
      assertThat(failure.get()).isNull();
      assertThat(seen).containsExactly("target");
    }
  }

  @Test
  void hasNext_historyCompacted_throwsGoneAndEnds() {
    String rv = currentResourceVersion();
    create("a");
    create("b");
    server.faults().compactHistory();
    try (RetryWatcher<ConfigMap> w = retryWatcher(rv)) {
      assertThatThrownBy(w::hasNext).satisfies(e -> assertThat(Errors.isGone(e)).isTrue());
      assertThat(w.hasNext()).isFalse();
    }
  }

  @Test
  void hasNext_serverErrorsWhenConnecting_retriesAndDelivers() {
    String rv = currentResourceVersion();
    create("a");
    server.faults().failNext(3, 500);
    try (RetryWatcher<ConfigMap> w = retryWatcher(rv)) {
      assertThat(read(w, 1)).containsExactly("a");
    }
  }

  @Test
  void close_fromAnotherThread_unblocksTheReader() throws Exception {
    RetryWatcher<ConfigMap> w = retryWatcher(currentResourceVersion());
    AtomicReference<Boolean> result = new AtomicReference<>();
    Thread reader = new Thread(() -> result.set(w.hasNext()));
    reader.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.watchCount() == 1);
    w.close();
    reader.join(10_000);
    assertThat(reader.isAlive()).isFalse();
    assertThat(result.get()).isFalse();
  }
}
