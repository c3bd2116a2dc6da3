package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WithMaxWaitRateLimiterTest {
  /** client-go's {@code StepRateLimiter}: base delay for the first calls, then the max delay. */
  private static final class StepRateLimiter implements RateLimiter<Integer> {
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final int threshold;
    private int count;

    StepRateLimiter(Duration baseDelay, Duration maxDelay, int threshold) {
      this.baseDelay = baseDelay;
      this.maxDelay = maxDelay;
      this.threshold = threshold;
    }

    @Override
    public Duration when(Integer item) {
      count++;
      return count <= threshold ? baseDelay : maxDelay;
    }

    @Override
    public void forget(Integer item) {}

    @Override
    public int numRequeues(Integer item) {
      return 0;
    }
  }

  /** Scenario of client-go {@code TestWithMaxWaitRateLimiter}. */
  @Test
  void when_longerThanMax_isCapped() {
    RateLimiter<Integer> limiter =
        new WithMaxWaitRateLimiter<>(
            new StepRateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1000), 100),
            Duration.ofSeconds(500));
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.when(i)).isEqualTo(Duration.ofMillis(5));
    }
    for (int i = 100; i < 200; i++) {
      assertThat(limiter.when(i)).isEqualTo(Duration.ofSeconds(500));
    }
  }
}
