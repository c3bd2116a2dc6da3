package dev.kubeclient.informers.workqueue;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * Caps the wait of another rate limiter at {@code maxDelay} (client-go's {@code
 * TypedWithMaxWaitRateLimiter}); counting and forgetting are the other limiter's.
 *
 * <p>Safe for concurrent use when the wrapped limiter is.
 *
 * @param <T> the item type
 */
public final class WithMaxWaitRateLimiter<T> implements RateLimiter<T> {
  private final RateLimiter<T> limiter;
  private final Duration maxDelay;

  /**
   * Wraps {@code limiter}.
   *
   * @throws IllegalArgumentException if {@code maxDelay} is negative
   */
  public WithMaxWaitRateLimiter(RateLimiter<T> limiter, Duration maxDelay) {
    this.limiter = checkNotNull(limiter, "limiter");
    checkArgument(!checkNotNull(maxDelay, "maxDelay").isNegative(), "maxDelay < 0: %s", maxDelay);
    this.maxDelay = maxDelay;
  }

  @Override
  public Duration when(T item) {
    Duration d = limiter.when(item);
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  @Override
  public void forget(T item) {
    limiter.forget(item);
  }

  @Override
  public int numRequeues(T item) {
    return limiter.numRequeues(item);
  }

  @Override
  public String toString() {
    return "WithMaxWaitRateLimiter{" + limiter + ", maxDelay=" + maxDelay + "}";
  }
}
