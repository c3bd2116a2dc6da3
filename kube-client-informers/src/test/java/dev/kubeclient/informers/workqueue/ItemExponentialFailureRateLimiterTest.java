package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ItemExponentialFailureRateLimiterTest {
  private static Duration ms(long n) {
    return Duration.ofMillis(n);
  }

  /** Scenario of client-go {@code TestItemExponentialFailureRateLimiter}. */
  @Test
  void when_doublesPerItemUntilForgotten() {
    RateLimiter<String> limiter =
        new ItemExponentialFailureRateLimiter<>(ms(1), Duration.ofSeconds(1));
    assertThat(limiter.when("one")).isEqualTo(ms(1));
    assertThat(limiter.when("one")).isEqualTo(ms(2));
    assertThat(limiter.when("one")).isEqualTo(ms(4));
    assertThat(limiter.when("one")).isEqualTo(ms(8));
    assertThat(limiter.when("one")).isEqualTo(ms(16));
    assertThat(limiter.numRequeues("one")).isEqualTo(5);

    assertThat(limiter.when("two")).isEqualTo(ms(1));
    assertThat(limiter.when("two")).isEqualTo(ms(2));
    assertThat(limiter.numRequeues("two")).isEqualTo(2);

    limiter.forget("one");
    assertThat(limiter.numRequeues("one")).isZero();
    assertThat(limiter.when("one")).isEqualTo(ms(1));
  }

  /** Scenario of client-go {@code TestItemExponentialFailureRateLimiterOverFlow}. */
  @Test
  void when_manyFailures_capsWithoutOverflow() {
    RateLimiter<String> limiter =
        new ItemExponentialFailureRateLimiter<>(ms(1), Duration.ofSeconds(1000));
    for (int i = 0; i < 5; i++) {
      limiter.when("one");
    }
    assertThat(limiter.when("one")).isEqualTo(ms(32));
    for (int i = 0; i < 1000; i++) {
      limiter.when("overflow1");
    }
    assertThat(limiter.when("overflow1")).isEqualTo(Duration.ofSeconds(1000));

    limiter =
        new ItemExponentialFailureRateLimiter<>(Duration.ofMinutes(1), Duration.ofHours(1000));
    for (int i = 0; i < 2; i++) {
      limiter.when("two");
    }
    assertThat(limiter.when("two")).isEqualTo(Duration.ofMinutes(4));
    for (int i = 0; i < 1000; i++) {
      limiter.when("overflow2");
    }
    assertThat(limiter.when("overflow2")).isEqualTo(Duration.ofHours(1000));
  }

  @Test
  void defaultItemBasedRateLimiter_startsAtOneMillisecond() {
    RateLimiter<String> limiter = RateLimiter.defaultItemBasedRateLimiter();
    assertThat(limiter.when("a")).isEqualTo(ms(1));
    assertThat(limiter.when("a")).isEqualTo(ms(2));
  }

  @Test
  void when_concurrentFailures_countsEveryOne() {
    RateLimiter<String> limiter = new ItemExponentialFailureRateLimiter<>(ms(1), ms(100));
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          ExecutorService pool = Executors.newFixedThreadPool(8);
          try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
              threads.add(
                  pool.submit(
                      () -> {
                        for (int i = 0; i < 10_000; i++) {
                          limiter.when("shared");
                        }
                      }));
            }
            for (Future<?> f : threads) {
              f.get();
            }
          } finally {
            pool.shutdownNow();
          }
        });
    assertThat(limiter.numRequeues("shared")).isEqualTo(80_000);
  }

  @Test
  void constructor_badDelays_throwNamingTheArgument() {
    assertThatThrownBy(() -> new ItemExponentialFailureRateLimiter<String>(ms(-1), ms(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseDelay < 0: PT-0.001S");
    assertThatThrownBy(() -> new ItemExponentialFailureRateLimiter<String>(ms(1), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("maxDelay == null");
    assertThatThrownBy(
            () ->
                new ItemExponentialFailureRateLimiter<String>(
                    ms(1), Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxDelay too long: ");
  }
}
