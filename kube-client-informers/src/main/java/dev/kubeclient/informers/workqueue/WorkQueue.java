package dev.kubeclient.informers.workqueue;

import dev.kubeclient.informers.workqueue.internal.RealWorkQueue;
import org.jspecify.annotations.Nullable;

/**
 * A queue of work items for controller workers (client-go's {@code workqueue.TypedInterface}): fair
 * (items are handed out in the order they were added), stingy (an item is handed to at most one
 * worker at a time, and adding an item that is already waiting does nothing) and safe for many
 * producers and consumers.
 *
 * <p>The rule that makes it a work queue and not a plain FIFO: an item is <em>dirty</em> from the
 * moment it is added until a worker takes it with {@link #get()}, and <em>processing</em> from then
 * until the worker calls {@link #done(Object)}. Adding an item that is dirty does nothing; adding
 * an item that is processing marks it dirty again, and {@code done} then puts it back in the queue,
 * so that a change that arrives while a worker is busy with the item is never lost and never
 * handled by two workers at once.
 *
 * <p>Items are compared with {@link Object#equals(Object)} and {@link Object#hashCode()}, so use
 * immutable keys (the usual item is a {@code namespace/name} string); {@code null} is rejected.
 *
 * <p>Lifecycle: a queue accepts items until {@link #shutDown()} or {@link #shutDownWithDrain()};
 * after that, adds are ignored, workers still receive what was queued before, and then {@link
 * #get()} returns {@code null}. Both are idempotent. A queue made with a name and a metrics
 * provider runs one daemon thread ({@code kube-workqueue-<name>-metrics}) that shutting down ends.
 *
 * <p>Safe for concurrent use.
 *
 * @param <T> the item type
 */
public interface WorkQueue<T> {
  /**
   * Creates an unnamed queue with no metrics, on the system clock.
   *
   * @param <T> the item type
   */
  static <T> WorkQueue<T> create() {
    return create(QueueConfig.<T>builder().build());
  }

  /**
   * Creates a queue with {@code config}'s name, clock and metrics provider (its rate limiter is not
   * used). When the queue has a name and a provider other than {@link MetricsProvider#noop()}, this
   * starts the thread that updates the unfinished-work metrics; {@link #shutDown()} ends it.
   *
   * @param <T> the item type
   */
  static <T> WorkQueue<T> create(QueueConfig<T> config) {
    return RealWorkQueue.create(config);
  }

  /**
   * Marks {@code item} as needing processing. Does nothing if the item is already waiting, or if
   * the queue is shutting down; if a worker is processing it now, it is handed out again after that
   * worker calls {@link #done(Object)}.
   *
   * @throws NullPointerException if {@code item} is null
   */
  void add(T item);

  /**
   * The number of items waiting to be handed out, for information only: by the time the caller
   * looks, it may have changed, so never gate {@link #add} or {@link #get} on it.
   */
  int len();

  /**
   * Blocks until an item can be handed out, marks it processing and returns it; the caller must
   * call {@link #done(Object)} with it when finished, whatever the outcome. Returns {@code null}
   * once the queue is shutting down and nothing is left to hand out: the worker should then end.
   *
   * @throws InterruptedException when the thread is interrupted while waiting; no item was taken
   */
  @Nullable T get() throws InterruptedException;

  /**
   * Marks {@code item} as done processing; if it was added again meanwhile, it goes back in the
   * queue. Calling it for an item that is not processing does nothing (client-go would queue a
   * dirty item a second time, letting two workers take it).
   */
  void done(T item);

  /**
   * Stops accepting items and wakes every waiting worker. Workers still receive the items already
   * queued, then {@link #get()} returns {@code null}. Does not wait for items being processed; it
   * waits for the queue's own threads to end. Idempotent; also ends a {@link #shutDownWithDrain()}
   * that is waiting.
   */
  void shutDown();

  /**
   * As {@link #shutDown()}, then waits until every queued item has been handed out and every item
   * handed out is {@link #done(Object) done}, including items re-added while processing. Workers
   * must keep calling {@code get} and {@code done}, or this blocks until another thread calls
   * {@link #shutDown()}. Never call it from a worker that holds an item.
   *
   * @throws InterruptedException when interrupted while waiting; the queue stays shut down
   */
  void shutDownWithDrain() throws InterruptedException;

  /** Whether {@link #shutDown()} or {@link #shutDownWithDrain()} has been called. */
  boolean shuttingDown();
}
