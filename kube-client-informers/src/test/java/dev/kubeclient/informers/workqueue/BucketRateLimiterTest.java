package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The token bucket has no client-go test of its own; these follow the reservation rules of {@code
 * golang.org/x/time/rate} ({@code Limiter.Reserve().Delay()}), which client-go relies on.
 */
class BucketRateLimiterTest {
  private final FakeClock clock = new FakeClock();

  @Test
  void when_burstThenOnePerInterval_reservationsStack() {
    RateLimiter<String> limiter = new BucketRateLimiter<>(10, 100, clock);
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.when("item-" + i)).as("retry %s", i).isZero();
    }
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(200));
    clock.advance(Duration.ofMillis(200));
    // Two tokens refilled pay off the two reservations; the next waits one interval again.
    assertThat(limiter.when("c")).isEqualTo(Duration.ofMillis(100));
    clock.advance(Duration.ofSeconds(60));
    // A long pause refills at most the burst.
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.when("again-" + i)).isZero();
    }
    assertThat(limiter.when("d")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void itemCounts_areNotTracked() {
    RateLimiter<String> limiter = new BucketRateLimiter<>(1, 1, clock);
    limiter.when("a");
    limiter.when("a");
    assertThat(limiter.numRequeues("a")).isZero();
    limiter.forget("a");
    assertThat(limiter.when("a")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void infiniteRate_neverWaits() {
    RateLimiter<String> limiter = new BucketRateLimiter<>(Double.POSITIVE_INFINITY, 0, clock);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.when("a")).isZero();
    }
  }

  @Test
  void zeroBurst_waitsForever() {
    RateLimiter<String> limiter = new BucketRateLimiter<>(10, 0, clock);
    assertThat(limiter.when("a")).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
    clock.advance(Duration.ofHours(1));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
  }

  @Test
  void zeroRate_allowsTheBurstThenWaitsForever() {
    RateLimiter<String> limiter = new BucketRateLimiter<>(0, 1, clock);
    assertThat(limiter.when("a")).isZero();
    assertThat(limiter.when("b")).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
  }

  @Test
  void defaultControllerRateLimiter_isTheWorseOfItemBackoffAndBucket() {
    RateLimiter<String> limiter = RateLimiter.defaultControllerRateLimiter(clock);
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.when("item-" + i)).isEqualTo(Duration.ofMillis(5));
    }
    // The bucket is empty: 100 ms per retry beats a first failure's 5 ms.
    assertThat(limiter.when("item-0")).isEqualTo(Duration.ofMillis(100));
    assertThat(limiter.numRequeues("item-0")).isEqualTo(2);
    clock.advance(Duration.ofSeconds(20));
    assertThat(limiter.when("item-0")).isEqualTo(Duration.ofMillis(20));
    limiter.forget("item-0");
    assertThat(limiter.numRequeues("item-0")).isZero();
  }

  @Test
  void constructor_badArguments_throwWithTheValue() {
    assertThatThrownBy(() -> new BucketRateLimiter<String>(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("qps must be zero or more: -1.0");
    assertThatThrownBy(() -> new BucketRateLimiter<String>(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("qps must be zero or more: NaN");
    assertThatThrownBy(() -> new BucketRateLimiter<String>(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst < 0: -1");
  }
}
