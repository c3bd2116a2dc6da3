package dev.kubeclient.informers.workqueue;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Retries an item quickly a few times, then slowly (client-go's {@code
 * TypedItemFastSlowRateLimiter}): the first {@code maxFastAttempts} failures wait {@code
 * fastDelay}, every later one {@code slowDelay}, until {@link #forget(Object)}.
 *
 * <p>Safe for concurrent use.
 *
 * @param <T> the item type
 */
public final class ItemFastSlowRateLimiter<T> implements RateLimiter<T> {
  private final Duration fastDelay;
  private final Duration slowDelay;
  private final int maxFastAttempts;

  /** Failures per item; an item is absent once forgotten. Guarded by {@code this}. */
  private final Map<T, Integer> failures = new HashMap<>();

  /**
   * Creates a limiter with no failures tracked.
   *
   * @throws IllegalArgumentException if a delay or {@code maxFastAttempts} is negative
   */
  public ItemFastSlowRateLimiter(Duration fastDelay, Duration slowDelay, int maxFastAttempts) {
    checkArgument(
        !checkNotNull(fastDelay, "fastDelay").isNegative(), "fastDelay < 0: %s", fastDelay);
    checkArgument(
        !checkNotNull(slowDelay, "slowDelay").isNegative(), "slowDelay < 0: %s", slowDelay);
    checkArgument(maxFastAttempts >= 0, "maxFastAttempts < 0: %s", maxFastAttempts);
    this.fastDelay = fastDelay;
    this.slowDelay = slowDelay;
    this.maxFastAttempts = maxFastAttempts;
  }

  @Override
  public synchronized Duration when(T item) {
    int attempts = failures.getOrDefault(checkNotNull(item, "item"), 0) + 1;
    failures.put(item, attempts);
    return attempts <= maxFastAttempts ? fastDelay : slowDelay;
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
    return "ItemFastSlowRateLimiter{fastDelay="
        + fastDelay
        + ", slowDelay="
        + slowDelay
        + ", maxFastAttempts="
        + maxFastAttempts
        + "}";
  }
}
