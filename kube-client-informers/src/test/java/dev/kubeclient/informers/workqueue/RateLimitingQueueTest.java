package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.informers.workqueue.internal.RealDelayingQueue;
import dev.kubeclient.informers.workqueue.internal.RealRateLimitingQueue;
import dev.kubeclient.informers.workqueue.internal.RealWorkQueue;
import dev.kubeclient.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitingQueueTest {
  private final FakeClock clock = new FakeClock();
  private final List<RateLimitingQueue<?>> queues = new ArrayList<>();

  @AfterEach
  void shutDown() {
    queues.forEach(WorkQueue::shutDown);
  }

  private <T> RateLimitingQueue<T> track(RateLimitingQueue<T> q) {
    queues.add(q);
    return q;
  }

  private static long delayOf(RateLimitingQueue<String> q, String item, FakeClock clock) {
    RealDelayingQueue<String> delaying =
        (RealDelayingQueue<String>) ((RealRateLimitingQueue<String>) q).queue();
    Long readyAt = delaying.readyAt(item);
    assertThat(readyAt).as("ready time of %s", item).isNotNull();
    return readyAt - clock.nanoTime();
  }

  /** Scenario of client-go {@code TestRateLimitingQueue}. */
  @Test
  void addRateLimited_backsOffPerItemUntilForgotten() {
    RateLimitingQueue<String> q =
        track(
            RateLimitingQueue.create(
                QueueConfig.<String>builder()
                    .clock(clock)
                    .rateLimiter(
                        new ItemExponentialFailureRateLimiter<>(
                            Duration.ofMillis(1), Duration.ofSeconds(1)))
                    .build()));
    q.addRateLimited("one");
    assertThat(delayOf(q, "one", clock)).isEqualTo(Duration.ofMillis(1).toNanos());
    // The second add waits 2 ms, but the item keeps its earlier ready time in the heap.
    q.addRateLimited("one");
    assertThat(delayOf(q, "one", clock)).isEqualTo(Duration.ofMillis(1).toNanos());
    assertThat(q.numRequeues("one")).isEqualTo(2);

    q.addRateLimited("two");
    assertThat(delayOf(q, "two", clock)).isEqualTo(Duration.ofMillis(1).toNanos());
    q.addRateLimited("two");
    assertThat(q.numRequeues("two")).isEqualTo(2);

    q.forget("one");
    assertThat(q.numRequeues("one")).isZero();
    clock.advance(Duration.ofMillis(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> q.len() == 2);
    q.addRateLimited("one");
    assertThat(delayOf(q, "one", clock)).isEqualTo(Duration.ofMillis(1).toNanos());
  }

  @Test
  void addRateLimited_itemWaitsTheLimitersDelay() throws Exception {
    RateLimitingQueue<String> q =
        track(
            RateLimitingQueue.create(
                QueueConfig.<String>builder()
                    .clock(clock)
                    .rateLimiter(
                        new ItemFastSlowRateLimiter<>(
                            Duration.ofMillis(5), Duration.ofSeconds(10), 1))
                    .build()));
    q.addRateLimited("a");
    clock.advance(Duration.ofMillis(4));
    await().during(Duration.ofMillis(20)).atMost(Duration.ofSeconds(10)).until(() -> q.len() == 0);
    clock.advance(Duration.ofMillis(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> q.len() == 1);
    assertThat(q.get()).isEqualTo("a");
  }

  @Test
  void create_withoutRateLimiter_usesDefaultControllerRateLimiterOnTheConfigClock() {
    RealRateLimitingQueue<String> q =
        (RealRateLimitingQueue<String>)
            track(RateLimitingQueue.create(QueueConfig.<String>builder().clock(clock).build()));
    for (int i = 0; i < 100; i++) {
      q.addRateLimited("item-" + i);
    }
    // The 101st retry empties the 10 qps bucket: 100 ms, more than the item's own 5 ms.
    q.addRateLimited("item-100");
    assertThat(delayOf(q, "item-100", clock)).isEqualTo(Duration.ofMillis(100).toNanos());
    assertThat(delayOf(q, "item-0", clock)).isEqualTo(Duration.ofMillis(5).toNanos());
  }

  /**
   * STYLE habit 11: the user's rate limiter runs with no queue lock held, and the delaying thread
   * adds ready items (reaching the queue's metrics) without holding the heap's lock.
   */
  @Test
  void callbacks_runWithoutTheQueueLocksHeld() throws Exception {
    RecordingMetricsProvider metrics = new RecordingMetricsProvider();
    QueueConfig<String> config =
        QueueConfig.<String>builder().name("locks").clock(clock).metricsProvider(metrics).build();
    RealWorkQueue<String> work = RealWorkQueue.create(config);
    RealDelayingQueue<String> delaying = RealDelayingQueue.create(work, config);
    metrics.check = () -> !delaying.isLockHeldByCurrentThread();
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    RateLimiter<String> checking =
        new RateLimiter<>() {
          private void check(String what) {
            if (work.isLockHeldByCurrentThread() || delaying.isLockHeldByCurrentThread()) {
              violations.add(what);
            }
          }

          @Override
          public Duration when(String item) {
            check("when");
            return Duration.ofMillis(1);
          }

          @Override
          public void forget(String item) {
            check("forget");
          }

          @Override
          public int numRequeues(String item) {
            check("numRequeues");
            return 0;
          }
        };
    RateLimitingQueue<String> q = track(RealRateLimitingQueue.create(delaying, checking));
    q.addRateLimited("a");
    q.numRequeues("a");
    clock.advance(Duration.ofMillis(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> q.len() == 1);
    String a = q.get();
    q.forget(a);
    q.done(a);
    assertThat(metrics.adds.count()).isEqualTo(1);
    assertThat(violations).isEmpty();
    assertThat(metrics.violations).isEmpty();
  }
}
