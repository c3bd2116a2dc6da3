package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ItemFastSlowRateLimiterTest {
  /** Scenario of client-go {@code TestItemFastSlowRateLimiter}. */
  @Test
  void when_fastForMaxAttemptsThenSlow_untilForgotten() {
    Duration fast = Duration.ofMillis(5);
    Duration slow = Duration.ofSeconds(10);
    RateLimiter<String> limiter = new ItemFastSlowRateLimiter<>(fast, slow, 3);
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
  void constructor_negativeAttempts_throwsWithTheValue() {
    assertThatThrownBy(() -> new ItemFastSlowRateLimiter<String>(Duration.ZERO, Duration.ZERO, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFastAttempts < 0: -1");
    assertThatThrownBy(
            () -> new ItemFastSlowRateLimiter<String>(Duration.ofMillis(-5), Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fastDelay < 0: PT-0.005S");
  }
}
