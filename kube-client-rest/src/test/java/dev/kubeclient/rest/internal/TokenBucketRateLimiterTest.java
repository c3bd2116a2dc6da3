package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.rest.RateLimiterTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Scenarios of client-go's {@code flowcontrol} token bucket tests, with an injected clock. */
class TokenBucketRateLimiterTest {
  /** A clock whose sleeps advance it; thread-safe. */
  private static final class SteppingClock implements Clock {
    final AtomicLong nanos = new AtomicLong();
    final AtomicLong slept = new AtomicLong();

    @Override
    public long nanoTime() {
      return nanos.get();
    }

    @Override
    public Instant now() {
      return Instant.EPOCH.plusNanos(nanos.get());
    }

    @Override
    public void sleepNanos(long n) {
      slept.addAndGet(n);
    }
  }

  private final SteppingClock clock = new SteppingClock();

  @Test
  void tryAccept_burstThenRefillAtQps() {
    TokenBucketRateLimiter r = new TokenBucketRateLimiter(10, 3, clock);
    assertThat(r.tryAccept()).isTrue();
    assertThat(r.tryAccept()).isTrue();
    assertThat(r.tryAccept()).isTrue();
    assertThat(r.tryAccept()).isFalse();
    clock.nanos.addAndGet(100_000_000L);
    assertThat(r.tryAccept()).isTrue();
    assertThat(r.tryAccept()).isFalse();
    clock.nanos.addAndGet(10_000_000_000L);
    for (int i = 0; i < 3; i++) {
      assertThat(r.tryAccept()).isTrue();
    }
    assertThat(r.tryAccept()).isFalse();
  }

  @Test
  void acquire_emptyBucket_waitsInArrivalOrder() throws Exception {
    TokenBucketRateLimiter r = new TokenBucketRateLimiter(2, 1, clock);
    assertThat(r.acquire(Duration.ofSeconds(10))).isEqualTo(Duration.ZERO);
    assertThat(r.acquire(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(500));
    assertThat(r.acquire(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void acquire_waitBeyondMaxWait_failsWithoutTakingToken() throws Exception {
    TokenBucketRateLimiter r = new TokenBucketRateLimiter(1, 1, clock);
    r.acquire(Duration.ZERO);
    assertThatThrownBy(() -> r.acquire(Duration.ofMillis(500)))
        .isInstanceOf(RateLimiterTimeoutException.class)
        .hasMessageContaining("PT1S")
        .hasMessageContaining("PT0.5S");
    assertThat(r.acquire(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void constructor_badArguments_rejected() {
    assertThatThrownBy(() -> new TokenBucketRateLimiter(0, 1, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("qps must be positive and finite: 0.0");
    assertThatThrownBy(() -> new TokenBucketRateLimiter(1, 0, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst must be at least 1: 0");
  }

  @Test
  void acquire_concurrentCallers_neverExceedRate() {
    // 8 threads x 250 permits at 100 qps, burst 10: the waits handed out must add up to exactly
    // what the bucket allows, and no permit is lost or doubled.
    TokenBucketRateLimiter r = new TokenBucketRateLimiter(100, 10, clock);
    int threads = 8;
    int perThread = 250;
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          ExecutorService pool = Executors.newFixedThreadPool(threads);
          try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> waits = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              waits.add(
                  pool.submit(
                      () -> {
                        go.await();
                        long max = 0;
                        for (int i = 0; i < perThread; i++) {
                          max = Math.max(max, r.acquire(Duration.ofDays(1)).toNanos());
                        }
                        return max;
                      }));
            }
            go.countDown();
            long longest = 0;
            for (Future<Long> f : waits) {
              longest = Math.max(longest, f.get());
            }
            int total = threads * perThread;
            // With time frozen, the last of N permits waits (N - burst) / qps seconds.
            assertThat(longest).isEqualTo((long) Math.ceil((total - 10) / 100.0 * 1e9));
            assertThat(r.tryAccept()).isFalse();
          } finally {
            pool.shutdownNow();
          }
        });
  }
}
