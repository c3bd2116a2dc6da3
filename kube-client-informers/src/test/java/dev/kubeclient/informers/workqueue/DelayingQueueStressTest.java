package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.informers.workqueue.internal.RealDelayingQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Producers adding with short random delays (and some at once) while workers process, on the real
 * clock: no key is held by two workers at once, and every key's last processing starts after its
 * last add (versions, {@link KeyLedger}); shutdown ends the waiting thread.
 */
class DelayingQueueStressTest {
  private static final int PRODUCERS = 4;
  private static final int WORKERS = 4;
  private static final int ADDS = 100_000;
  private static final int KEYS = 200;

  @Test
  void delayedAddsFromManyThreads_areAllProcessedOneWorkerPerKey() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), this::run);
  }

  private void run() throws Exception {
    RealDelayingQueue<Integer> q = (RealDelayingQueue<Integer>) DelayingQueue.<Integer>create();
    KeyLedger ledger = new KeyLedger(KEYS);
    ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + WORKERS);
    try {
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
                  for (int i = 0; i < ADDS / PRODUCERS; i++) {
                    int key = random.nextInt(KEYS);
                    ledger.added(key);
                    // A third at once, the rest within 0-2 ms.
                    q.addAfter(key, Duration.ofNanos(random.nextLong(-1_000_000, 2_000_000)));
                  }
                  return null;
                }));
      }
      for (Future<?> f : producers) {
        f.get();
      }
      await().atMost(Duration.ofSeconds(30)).until(ledger::allProcessed);
      q.shutDownWithDrain();
      for (Future<?> f : workers) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.assertNothingSharedOrLost()).isEqualTo(ADDS);
    Thread waiting = q.waitingThread();
    assertThat(waiting).isNotNull();
    assertThat(waiting.isAlive()).isFalse();
  }
}
