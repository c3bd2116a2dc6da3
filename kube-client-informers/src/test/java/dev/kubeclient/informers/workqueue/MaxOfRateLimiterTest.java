package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MaxOfRateLimiterTest {
  /** Scenario of client-go {@code TestMaxOfRateLimiter}. */
  @Test
  void when_returnsTheLongestWaitOfAll() {
    RateLimiter<String> limiter =
        MaxOfRateLimiter.of(
            new ItemFastSlowRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(3), 3),
            new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(1), Duration.ofSeconds(1)));
    Duration fast = Duration.ofMillis(5);
    Duration slow = Duration.ofSeconds(3);
    assertThat(limiter.when("one")).isEqualTo(fast);
    assertThat(limiter.when("one")).isEqualTo(fast);
    assertThat(limiter.when("one")).isEqualTo(fast);
    assertThat(limiter.when("one")).isEqualTo(slow);
    assertThat(limiter.when("one")).isEqualTo(slow);
    assertThat(limiter.numRequeues("one")).isEqualTo(5);

    assertThat(limiter.when("two")).isEqualTo(fast);
    assertThat(limiter.when("two")).isEqualTo(fast);
    assertThat(limiter.numRequeues("two")).isEqualTo(2);

    limiter.forget("one");
    assertThat(limiter.numRequeues("one")).isZero();
    assertThat(limiter.when("one")).isEqualTo(fast);
  }

  @Test
  void when_noLimiters_isZero() {
    assertThat(new MaxOfRateLimiter<String>(java.util.List.of()).when("a")).isZero();
  }

  @Test
  void constructor_nullLimiter_throwsNamingItsIndex() {
    assertThatThrownBy(
            () ->
                new MaxOfRateLimiter<String>(
                    Arrays.asList(RateLimiter.defaultItemBasedRateLimiter(), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("limiters[1] == null");
  }
}
