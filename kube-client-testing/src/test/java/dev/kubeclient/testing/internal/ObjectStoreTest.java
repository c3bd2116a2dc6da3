package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {
  private static final String BUCKET = "/configmaps";

  private static ObjectNode cm(String namespace, String name) {
    ObjectNode o = Json.object();
    ObjectNode m = o.putObject("metadata");
    m.put("namespace", namespace);
    m.put("name", name);
    m.put("uid", namespace + "-" + name);
    return o;
  }

  @Test
  void put_assignsIncreasingResourceVersions_andRemoveRecordsDeletion() {
    ObjectStore store = new ObjectStore(100, 1);
    StoredObject a = store.put(BUCKET, cm("ns", "a"));
    StoredObject a2 = store.put(BUCKET, cm("ns", "a"));
    StoredObject gone = store.remove(BUCKET, a.key());
    assertThat(a.resourceVersion()).isLessThan(a2.resourceVersion());
    assertThat(gone.resourceVersion()).isGreaterThan(a2.resourceVersion());
    assertThat(store.get(BUCKET, a.key())).isNull();
    assertThat(gone.tree().path("metadata").path("resourceVersion").asText())
        .isEqualTo(Long.toString(gone.resourceVersion()));
  }

  @Test
  void list_atPastRevision_undoesLaterChanges() {
    ObjectStore store = new ObjectStore(100, 1);
    store.put(BUCKET, cm("ns", "a"));
    long rv = store.put(BUCKET, cm("ns", "b")).resourceVersion();
    store.put(BUCKET, cm("ns", "c"));
    store.remove(BUCKET, StoredObject.key("ns", "a"));
    store.put(BUCKET, cm("ns", "b"));
    ObjectStore.Snapshot past = store.list(BUCKET, "ns", null, rv);
    assertThat(past.items()).extracting(StoredObject::name).containsExactly("a", "b");
    assertThat(past.items().get(1).resourceVersion()).isEqualTo(rv);
    assertThat(store.list(BUCKET, "ns", "ns/a", rv).items())
        .extracting(StoredObject::name)
        .containsExactly("b");
  }

  @Test
  void list_beforeHistory_isExpired() {
    ObjectStore store = new ObjectStore(2, 1);
    long rv = store.put(BUCKET, cm("ns", "a")).resourceVersion();
    for (int i = 0; i < 3; i++) {
      store.put(BUCKET, cm("ns", "x" + i));
    }
    assertThatThrownBy(() -> store.list(BUCKET, null, null, rv))
        .isInstanceOf(ApiError.class)
        .extracting(e -> ((ApiError) e).code())
        .isEqualTo(410);
  }

  @Test
  void watch_concurrentWriters_everyWatcherSeesEveryChangeOnceInOrder() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          ObjectStore store = new ObjectStore(100_000, 1);
          int writers = 4;
          int each = 2_000;
          List<Watcher> watchers = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            Watcher w = new Watcher(BUCKET, null, o -> true, -1);
            store.watch(w, store.resourceVersion(), false);
            watchers.add(w);
          }
          CountDownLatch go = new CountDownLatch(1);
          List<Thread> threads = new ArrayList<>();
          for (int t = 0; t < writers; t++) {
            int id = t;
            Thread thread =
                new Thread(
                    () -> {
                      try {
                        go.await();
                      } catch (InterruptedException e) {
                        return;
                      }
                      for (int i = 0; i < each; i++) {
                        store.put(BUCKET, cm("ns", "o-" + id + "-" + (i % 50)));
                      }
                    });
            thread.start();
            threads.add(thread);
          }
          go.countDown();
          for (Thread t : threads) {
            t.join();
          }
          for (Watcher w : watchers) {
            List<WatchEvent> events = new ArrayList<>();
            w.drainTo(events);
            assertThat(events).hasSize(writers * each);
            Set<Long> seen = new HashSet<>();
            long last = 0;
            for (WatchEvent e : events) {
              assertThat(e.resourceVersion()).isGreaterThan(last);
              last = e.resourceVersion();
              assertThat(seen.add(last)).isTrue();
            }
          }
          assertThat(store.resourceVersion()).isEqualTo(1 + writers * each);
        });
  }

  @Test
  void watch_fromRevision_replaysOnlyLaterChangesOfItsBucket() {
    ObjectStore store = new ObjectStore(100, 1);
    long rv = store.put(BUCKET, cm("ns", "a")).resourceVersion();
    store.put("/secrets", cm("ns", "s"));
    store.put(BUCKET, cm("ns", "b"));
    Watcher w = new Watcher(BUCKET, "ns", o -> true, -1);
    store.watch(w, rv, false);
    List<WatchEvent> events = new ArrayList<>();
    w.drainTo(events);
    assertThat(events).extracting(e -> e.object().name()).containsExactly("b");
    store.unwatch(w);
    assertThat(store.watchCount()).isZero();
  }
}
