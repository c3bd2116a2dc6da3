package dev.kubeclient.informers.workqueue;

import dev.kubeclient.core.Clock;
import java.time.Duration;

/**
 * Decides how long an item waits before it is retried (client-go's {@code
 * workqueue.TypedRateLimiter}). A {@link RateLimitingQueue} calls {@link #when} for each {@link
 * RateLimitingQueue#addRateLimited} and {@link #forget} when the controller is done retrying.
 *
 * <p>Implementations must be safe for concurrent use: workers call them from many threads. The
 * queue calls them without holding any of its locks, so a limiter may block briefly or call back
 * into the queue.
 *
 * @param <T> the item type
 */
public interface RateLimiter<T> {
  /**
   * Counts a failure of {@code item} and returns how long it should wait before being retried; zero
   * or negative means at once.
   */
  Duration when(T item);

  /**
   * Stops tracking {@code item}: its failure count goes back to zero. Whether it succeeded or
   * failed for good does not matter.
   */
  void forget(T item);

  /** The number of failures of {@code item} tracked now. */
  int numRequeues(T item);

  /**
   * The rate limiter client-go's controllers use ({@code DefaultTypedControllerRateLimiter}), on
   * the system clock: the worse of a per-item exponential backoff from 5 ms doubling up to 1000 s
   * ({@link ItemExponentialFailureRateLimiter}) and an overall token bucket of 10 retries per
   * second with a burst of 100 ({@link BucketRateLimiter}), as a {@link MaxOfRateLimiter}.
   *
   * @param <T> the item type
   */
  static <T> RateLimiter<T> defaultControllerRateLimiter() {
    return defaultControllerRateLimiter(Clock.system());
  }

  /**
   * As {@link #defaultControllerRateLimiter()}, with the token bucket on {@code clock}.
   *
   * @param <T> the item type
   */
  static <T> RateLimiter<T> defaultControllerRateLimiter(Clock clock) {
    return MaxOfRateLimiter.of(
        new ItemExponentialFailureRateLimiter<T>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
        // The bucket limits only the overall speed of retries, not each item.
        new BucketRateLimiter<T>(10, 100, clock));
  }

  /**
   * A per-item exponential backoff from 1 ms doubling up to 1000 s (client-go's {@code
   * DefaultTypedItemBasedRateLimiter}).
   *
   * @param <T> the item type
   */
  static <T> RateLimiter<T> defaultItemBasedRateLimiter() {
    return new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(1), Duration.ofSeconds(1000));
  }
}
