package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many producers and workers on one queue (the workqueue stress of issue 10; client-go's {@code
 * TestBasic} scaled up): 8 producers add 1,000,000 times over 1,000 keys while 4 workers process.
 * Invariants: no key is ever held by two workers at once; no add is lost, meaning that every key's
 * last processing started after its last add; nothing is accepted after shutdown.
 *
 * <p>"Not lost" is checked with versions: a producer bumps a key's version and then adds the key, a
 * worker reads the version when it starts processing the key. Whatever the interleaving, the work
 * queue's rule guarantees a processing that starts after the last add, so at the end every key's
 * processed version must equal its added version.
 */
class WorkQueueStressTest {
  private static final int PRODUCERS = 8;
  private static final int WORKERS = 4;
  private static final int ADDS = 1_000_000;
  private static final int KEYS = 1_000;

  @Test
  void producersAndWorkers_neverShareAKeyLoseAnAddOrAcceptAfterShutdown() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), this::run);
  }

  private void run() throws Exception {
    WorkQueue<Integer> q = WorkQueue.create();
    KeyLedger ledger = new KeyLedger(KEYS);
    ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + WORKERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        workers.add(
            pool.submit(
                () -> {
                  Integer key;
                  while ((key = q.get()) != null) {
                    ledger.process(key);
                    q.done(key);
                  }
                  return null;
                }));
      }
      List<Future<?>> producers = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        SplittableRandom random = new SplittableRandom(p);
        producers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < ADDS / PRODUCERS; i++) {
                    int key = random.nextInt(KEYS);
                    ledger.added(key);
                    q.add(key);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : producers) {
        f.get();
      }
      q.shutDownWithDrain();
      for (int key = 0; key < KEYS; key++) {
        q.add(key);
      }
      for (Future<?> f : workers) {
        f.get();
      }
      assertThat(q.len()).as("items accepted after shutdown").isZero();
      assertThat(q.get()).isNull();
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.assertNothingSharedOrLost()).isEqualTo(ADDS);
    assertThat(ledger.processings()).isBetween((long) KEYS, (long) ADDS);
  }
}
