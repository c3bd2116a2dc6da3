package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.informers.cache.ReflectorStore;
import java.util.Collection;

/**
 * The reflector's view of an informer's queue: each write goes to the queue and then signals the
 * informer's drain task, so that processing needs no thread blocked in {@code pop()}.
 *
 * @param <T> the object type
 */
final class SignallingQueue<T> implements ReflectorStore<T> {
  private final ReflectorStore<T> queue;
  private final Runnable signal;

  SignallingQueue(ReflectorStore<T> queue, Runnable signal) {
    this.queue = queue;
    this.signal = signal;
  }

  @Override
  public void add(T obj) {
    queue.add(obj);
    signal.run();
  }

  @Override
  public void update(T obj) {
    queue.update(obj);
    signal.run();
  }

  @Override
  public void delete(T obj) {
    queue.delete(obj);
    signal.run();
  }

  @Override
  public void replace(Collection<? extends T> list, String resourceVersion) {
    queue.replace(list, resourceVersion);
    signal.run();
  }

  @Override
  public void resync() {
    queue.resync();
    signal.run();
  }
}
