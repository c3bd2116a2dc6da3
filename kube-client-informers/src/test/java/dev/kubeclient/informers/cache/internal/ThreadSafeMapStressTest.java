package dev.kubeclient.informers.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.informers.cache.IndexFunc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * One writer and several readers on one store: every read sees a consistent snapshot (the index
 * agrees with the map), and the final state is exactly the writer's.
 */
class ThreadSafeMapStressTest {

  /** Values are "group:version"; indexed by group. */
  private static final IndexFunc<String> BY_GROUP = v -> List.of(v.substring(0, v.indexOf(':')));

  @Test
  void concurrentReadersAndOneWriter_readsAreConsistent() {
    ThreadSafeMap<String> store = new ThreadSafeMap<>(Map.of("group", BY_GROUP));
    int keys = 500;
    int writes = 100_000;
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      Thread t =
          new Thread(
              () -> {
                while (!done.get()) {
                  for (int g = 0; g < 5; g++) {
                    for (String v : store.byIndex("group", "g" + g)) {
                      if (v == null || !v.startsWith("g" + g + ":")) {
                        failures.add("byIndex g" + g + " returned " + v);
                      }
                    }
                    for (String key : store.indexKeys("group", "g" + g)) {
                      String v = store.get(key);
                      // The key may since have moved to another group or been deleted: both fine.
                      if (v != null && !v.contains(":")) {
                        failures.add("malformed " + v);
                      }
                    }
                  }
                }
              });
      t.start();
      readers.add(t);
    }
    String[] finalValues = new String[keys];
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
          for (int i = 0; i < writes; i++) {
            int k = rnd.nextInt(keys);
            if (rnd.nextInt(5) == 0) {
              store.delete("k" + k);
              finalValues[k] = null;
            } else {
              String v = "g" + rnd.nextInt(5) + ":" + i;
              store.update("k" + k, v);
              finalValues[k] = v;
            }
          }
          done.set(true);
          for (Thread t : readers) {
            t.join();
          }
        });
    assertThat(failures).isEmpty();
    int present = 0;
    for (int k = 0; k < keys; k++) {
      assertThat(store.get("k" + k)).isEqualTo(finalValues[k]);
      if (finalValues[k] != null) {
        present++;
        String group = finalValues[k].substring(0, finalValues[k].indexOf(':'));
        assertThat(store.indexKeys("group", group)).contains("k" + k);
      }
    }
    int indexed = 0;
    for (int g = 0; g < 5; g++) {
      indexed += store.indexKeys("group", "g" + g).size();
    }
    assertThat(indexed).isEqualTo(present);
    assertThat(store.size()).isEqualTo(present);
  }
}
