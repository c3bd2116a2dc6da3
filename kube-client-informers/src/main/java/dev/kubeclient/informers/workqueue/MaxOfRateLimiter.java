package dev.kubeclient.informers.workqueue;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks every one of its rate limiters and returns the longest wait (client-go's {@code
 * TypedMaxOfRateLimiter}); {@link #numRequeues} is the largest count and {@link #forget} forgets in
 * all. Every limiter's {@link #when} is called each time, so each counts the failure.
 *
 * <p>With a token bucket among the limiters, the bucket's burst can seem exceeded: an item delayed
 * longer by another limiter still took its token at the time of the call.
 *
 * <p>Safe for concurrent use when its limiters are.
 *
 * @param <T> the item type
 */
public final class MaxOfRateLimiter<T> implements RateLimiter<T> {
  private final List<RateLimiter<T>> limiters;

  /**
   * Combines {@code limiters}, in order; with none, every wait is zero.
   *
   * @throws NullPointerException if the list or one of its limiters is null
   */
  public MaxOfRateLimiter(List<? extends RateLimiter<T>> limiters) {
    checkNotNull(limiters, "limiters");
    List<RateLimiter<T>> copy = new ArrayList<>(limiters.size());
    for (int i = 0; i < limiters.size(); i++) {
      copy.add(checkNotNull(limiters.get(i), "limiters[" + i + "]"));
    }
    this.limiters = List.copyOf(copy);
  }

  /**
   * Combines {@code limiters}, in order.
   *
   * @param <T> the item type
   * @throws NullPointerException if one of the limiters is null
   */
  @SafeVarargs
  public static <T> MaxOfRateLimiter<T> of(RateLimiter<T>... limiters) {
    return new MaxOfRateLimiter<>(java.util.Arrays.asList(checkNotNull(limiters, "limiters")));
  }

  @Override
  public Duration when(T item) {
    Duration longest = Duration.ZERO;
    for (RateLimiter<T> limiter : limiters) {
      Duration d = limiter.when(item);
      if (d.compareTo(longest) > 0) {
        longest = d;
      }
    }
    return longest;
  }

  @Override
  public void forget(T item) {
    for (RateLimiter<T> limiter : limiters) {
      limiter.forget(item);
    }
  }

  @Override
  public int numRequeues(T item) {
    int most = 0;
    for (RateLimiter<T> limiter : limiters) {
      most = Math.max(most, limiter.numRequeues(item));
    }
    return most;
  }

  @Override
  public String toString() {
    return "MaxOfRateLimiter" + limiters;
  }
}
