package dev.kubeclient.informers.workqueue;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Waits {@code baseDelay * 2^failures} for an item, capped at {@code maxDelay} (client-go's {@code
 * TypedItemExponentialFailureRateLimiter}): the first retry waits {@code baseDelay}, each further
 * one twice as long, until {@link #forget(Object)}. How many failures are too many is the caller's
 * business ({@link #numRequeues(Object)}).
 *
 * <p>Safe for concurrent use.
 *
 * @param <T> the item type
 */
public final class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  private final long baseNanos;
  private final long maxNanos;

  /** Failures per item; an item is absent once forgotten. Guarded by {@code this}. */
  private final Map<T, Integer> failures = new HashMap<>();

  /**
   * Creates a limiter with no failures tracked.
   *
   * @throws IllegalArgumentException if a delay is negative or too long to count in nanoseconds
   */
  public ItemExponentialFailureRateLimiter(Duration baseDelay, Duration maxDelay) {
    this.baseNanos = nonNegativeNanos(baseDelay, "baseDelay");
    this.maxNanos = nonNegativeNanos(maxDelay, "maxDelay");
  }

  @Override
  public synchronized Duration when(T item) {
    int exp = failures.getOrDefault(checkNotNull(item, "item"), 0);
    failures.put(item, exp + 1);
    // Computed in floating point so that a long run of failures saturates instead of overflowing.
    double backoff = baseNanos * Math.pow(2, exp);
    if (backoff > Long.MAX_VALUE) {
      return Duration.ofNanos(maxNanos);
    }
    return Duration.ofNanos(Math.min((long) backoff, maxNanos));
  }

  @Override
  public synchronized void forget(T item) {
    failures.remove(item);
  }

  @Override
  public synchronized int numRequeues(T item) {
    return failures.getOrDefault(item, 0);
  }

  @Override
  public String toString() {
    return "ItemExponentialFailureRateLimiter{baseDelay="
        + Duration.ofNanos(baseNanos)
        + ", maxDelay="
        + Duration.ofNanos(maxNanos)
        + "}";
  }

  static long nonNegativeNanos(Duration d, String name) {
    checkNotNull(d, name);
    checkArgument(!d.isNegative(), "%s < 0: %s", name, d);
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + " too long: " + d, e);
    }
  }
}
