package dev.kubeclient.informers.watch;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The changes an informer delivers, as a {@link Watch} (client-go's {@code
 * NewIndexerInformerWatcher}): ADDED, MODIFIED and DELETED events in the order the informer's
 * handler receives them, which recovers from dropped watches and 410 Gone by relisting. A deletion
 * the informer only inferred from a relist comes as DELETED with the last state it knew.
 *
 * <p>Iterated on one thread; {@link #close()} from any thread stops the informer and ends the
 * iteration. The events' objects are the cache's own: do not mutate them.
 */
final class InformerWatcher<T extends KubernetesObject> implements Watch<T> {
  /** Marks the end in the queue. */
  private static final Object END = new Object();

  private final SharedIndexInformer<T> informer;

  /** Events, then {@link #END} once closed; unbounded, as the informer's handler buffer is. */
  private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();

  private final AtomicBoolean closed = new AtomicBoolean();

  private @Nullable WatchEvent<T> next;
  private boolean done;

  InformerWatcher(SharedIndexInformer<T> informer) {
    this.informer = informer;
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T obj, boolean isInInitialList) {
            events.add(new WatchEvent<>(WatchEvent.Type.ADDED, obj));
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            events.add(new WatchEvent<>(WatchEvent.Type.MODIFIED, newObj));
          }

          @Override
          public void onDelete(T obj, boolean finalStateUnknown) {
            events.add(new WatchEvent<>(WatchEvent.Type.DELETED, obj));
          }
        });
  }

  /** The informer behind this watch. */
  SharedIndexInformer<T> informer() {
    return informer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    Object o;
    try {
      o = events.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = true;
      return false;
    }
    if (o == END) {
      done = true;
      return false;
    }
    next = (WatchEvent<T>) o;
    return true;
  }

  @Override
  public WatchEvent<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("informer watch closed");
    }
    WatchEvent<T> e = next;
    next = null;
    return e;
  }

  /**
   * Ends the iteration, then stops the informer (waiting for its thread). Idempotent; any thread.
   *
   * <p>The reader is woken first: stopping closes the informer's connection and joins its threads,
   * which may fail or take long, and a reader left waiting for an end that never comes would block
   * forever (WatchTools' deadline closes from its own thread, which a failing stop would end).
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      events.add(END);
    }
    informer.stop();
  }
}
