package dev.kubeclient.informers.workqueue.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.informers.workqueue.DelayingQueue;
import dev.kubeclient.informers.workqueue.QueueConfig;
import dev.kubeclient.informers.workqueue.RateLimiter;
import dev.kubeclient.informers.workqueue.RateLimitingQueue;
import java.time.Duration;

/**
 * The rate-limiting queue (client-go's {@code rateLimitingType}): a {@link DelayingQueue} that asks
 * its {@link RateLimiter} for each delay. The limiter is called with no lock held. Safe for
 * concurrent use.
 *
 * @param <T> the item type
 */
public final class RealRateLimitingQueue<T> extends ForwardingWorkQueue<T>
    implements RateLimitingQueue<T> {
  private final DelayingQueue<T> queue;
  private final RateLimiter<T> rateLimiter;

  RealRateLimitingQueue(DelayingQueue<T> queue, RateLimiter<T> rateLimiter) {
    super(queue);
    this.queue = queue;
    this.rateLimiter = rateLimiter;
  }

  /**
   * Creates a rate-limiting queue over a new {@link RealDelayingQueue} made from {@code config},
   * with the config's rate limiter or a new default controller rate limiter on its clock.
   */
  public static <T> RealRateLimitingQueue<T> create(QueueConfig<T> config) {
    checkNotNull(config, "config");
    RateLimiter<T> limiter = config.rateLimiter();
    if (limiter == null) {
      limiter = RateLimiter.defaultControllerRateLimiter(config.clock());
    }
    return new RealRateLimitingQueue<>(RealDelayingQueue.create(config), limiter);
  }

  /** Creates a rate-limiting queue over {@code queue}. */
  public static <T> RealRateLimitingQueue<T> create(
      DelayingQueue<T> queue, RateLimiter<T> rateLimiter) {
    return new RealRateLimitingQueue<>(
        checkNotNull(queue, "queue"), checkNotNull(rateLimiter, "rateLimiter"));
  }

  @Override
  public void addRateLimited(T item) {
    checkNotNull(item, "item");
    queue.addAfter(item, rateLimiter.when(item));
  }

  @Override
  public void forget(T item) {
    rateLimiter.forget(checkNotNull(item, "item"));
  }

  @Override
  public int numRequeues(T item) {
    return rateLimiter.numRequeues(checkNotNull(item, "item"));
  }

  @Override
  public void addAfter(T item, Duration delay) {
    queue.addAfter(item, delay);
  }

  /** The delaying queue under this one. */
  public DelayingQueue<T> queue() {
    return queue;
  }

  /** The rate limiter. */
  public RateLimiter<T> rateLimiter() {
    return rateLimiter;
  }

  @Override
  public String toString() {
    return "RateLimitingQueue{" + queue + ", " + rateLimiter + "}";
  }
}
