package dev.kubeclient.informers.workqueue;

import dev.kubeclient.informers.workqueue.internal.RealDelayingQueue;
import java.time.Duration;

/**
 * A {@link WorkQueue} that can add an item later (client-go's {@code
 * workqueue.TypedDelayingInterface}), so that a failed item is retried after a pause instead of in
 * a hot loop.
 *
 * <p>Waiting items are kept in a heap ordered by the time they become ready; one thread, {@code
 * kube-workqueue-<name>-delaying} (or {@code kube-workqueue-delaying} for an unnamed queue),
 * daemon, moves them to the queue when their time comes. It is started by the first {@link
 * #addAfter} with a positive delay, so a queue that never delays holds no thread, and {@link
 * #shutDown()} or {@link #shutDownWithDrain()} ends it and waits for it. Items still waiting then
 * are dropped, as the queue accepts nothing after shutting down. Time comes from the queue's {@link
 * dev.kubeclient.core.Clock}.
 *
 * <p>Safe for concurrent use.
 *
 * @param <T> the item type
 */
public interface DelayingQueue<T> extends WorkQueue<T> {
  /**
   * Creates an unnamed delaying queue with no metrics, on the system clock.
   *
   * @param <T> the item type
   */
  static <T> DelayingQueue<T> create() {
    return create(QueueConfig.<T>builder().build());
  }

  /**
   * Creates a delaying queue with {@code config}'s name, clock and metrics provider (its rate
   * limiter is not used); see {@link WorkQueue#create(QueueConfig)} for the metrics thread.
   *
   * @param <T> the item type
   */
  static <T> DelayingQueue<T> create(QueueConfig<T> config) {
    return RealDelayingQueue.create(config);
  }

  /**
   * Adds {@code item} once {@code delay} has passed; at once when {@code delay} is zero or
   * negative. If the item is already waiting, the earlier ready time wins. Does nothing when the
   * queue is shutting down. Counts one retry in the queue's metrics. Delays beyond about 73 years
   * are cut to that. Never blocks.
   *
   * @throws NullPointerException if {@code item} or {@code delay} is null
   */
  void addAfter(T item, Duration delay);
}
