package dev.kubeclient.informers.workqueue;

import dev.kubeclient.informers.workqueue.internal.RealRateLimitingQueue;

/**
 * A {@link DelayingQueue} that asks a {@link RateLimiter} how long to wait before adding an item
 * again (client-go's {@code workqueue.TypedRateLimitingInterface}): the queue a controller uses.
 *
 * <p>Remember to call {@link #forget(Object)} when an item has been handled successfully (or given
 * up on): the rate limiter tracks each item's failures until then, and an item never forgotten both
 * keeps memory and keeps its long backoff for the next failure. The canonical worker loop is in the
 * {@linkplain dev.kubeclient.informers.workqueue package summary}.
 *
 * <p>The rate limiter is called without any lock of the queue held. Safe for concurrent use.
 *
 * @param <T> the item type
 */
public interface RateLimitingQueue<T> extends DelayingQueue<T> {
  /**
   * Creates an unnamed rate-limiting queue with no metrics, on the system clock, with {@link
   * RateLimiter#defaultControllerRateLimiter()}.
   *
   * @param <T> the item type
   */
  static <T> RateLimitingQueue<T> create() {
    return create(QueueConfig.<T>builder().build());
  }

  /**
   * Creates a rate-limiting queue from {@code config}; without a rate limiter in it, a new {@link
   * RateLimiter#defaultControllerRateLimiter(dev.kubeclient.core.Clock)} on the config's clock. See
   * {@link WorkQueue#create(QueueConfig)} and {@link DelayingQueue} for its threads.
   *
   * @param <T> the item type
   */
  static <T> RateLimitingQueue<T> create(QueueConfig<T> config) {
    return RealRateLimitingQueue.create(config);
  }

  /** Adds {@code item} after the delay the rate limiter gives for it ({@link RateLimiter#when}). */
  void addRateLimited(T item);

  /**
   * Tells the rate limiter to stop tracking {@code item}, after success or when giving up. It does
   * not remove the item from the queue: the worker still calls {@link #done(Object)}.
   */
  void forget(T item);

  /** How many times the rate limiter has delayed {@code item} since it was last forgotten. */
  int numRequeues(T item);
}
