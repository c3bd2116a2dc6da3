package dev.kubeclient.informers.workqueue.internal;

import dev.kubeclient.informers.workqueue.WorkQueue;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WorkQueue} that passes every call to the queue it wraps, as client-go's queues embed the
 * one below them; subclasses add behaviour on top.
 *
 * @param <T> the item type
 */
abstract class ForwardingWorkQueue<T> implements WorkQueue<T> {
  private final WorkQueue<T> delegate;

  ForwardingWorkQueue(WorkQueue<T> delegate) {
    this.delegate = delegate;
  }

  @Override
  public void add(T item) {
    delegate.add(item);
  }

  @Override
  public int len() {
    return delegate.len();
  }

  @Override
  public @Nullable T get() throws InterruptedException {
    return delegate.get();
  }

  @Override
  public void done(T item) {
    delegate.done(item);
  }

  @Override
  public void shutDown() {
    delegate.shutDown();
  }

  @Override
  public void shutDownWithDrain() throws InterruptedException {
    delegate.shutDownWithDrain();
  }

  @Override
  public boolean shuttingDown() {
    return delegate.shuttingDown();
  }
}
