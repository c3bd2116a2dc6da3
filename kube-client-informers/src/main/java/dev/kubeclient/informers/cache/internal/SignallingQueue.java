package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.informers.cache.ReflectorStore;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The reflector's view of an informer's queue: each write goes to the queue and then signals the
 * informer's drain task, so that processing needs no thread blocked in {@code pop()}.
 *
 * <p>A watch's thread may defer its signals ({@link #deferSignals}) while it has more events
 * buffered: waking the drain task costs a thread wake-up (a futex call, on a virtual machine an
 * interrupt), which for a fast stream of small changes cost more CPU than the change itself. The
 * drain task then takes the batch in one go. Only the deferring thread's writes are deferred, at
 * most {@value #MAX_DEFERRED} in a row; the caller {@linkplain #flush flushes} before it may block.
 *
 * @param <T> the object type
 */
final class SignallingQueue<T> implements ReflectorStore<T> {
  /** Bounds the delay a burst puts on processing when the stream never runs dry. */
  static final int MAX_DEFERRED = 128;

  private final ReflectorStore<T> queue;
  private final Runnable signal;

  /** The thread whose writes are deferred; only it reads or writes {@link #deferred}. */
  private volatile @Nullable Thread deferring;

  private int deferred;

  SignallingQueue(ReflectorStore<T> queue, Runnable signal) {
    this.queue = queue;
    this.signal = signal;
  }

  @Override
  public void add(T obj) {
    queue.add(obj);
    signalOrDefer();
  }

  @Override
  public void update(T obj) {
    queue.update(obj);
    signalOrDefer();
  }

  @Override
  public void delete(T obj) {
    queue.delete(obj);
    signalOrDefer();
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

  /**
   * Defers the signals of the calling thread's writes until {@link #flush()} (or {@value
   * #MAX_DEFERRED} writes); other threads' writes signal at once.
   */
  void deferSignals() {
    deferring = Thread.currentThread();
  }

  /** Signals the writes deferred so far, if any; call before blocking. */
  void flush() {
    if (deferring == Thread.currentThread() && deferred > 0) {
      deferred = 0;
      signal.run();
    }
  }

  /** Flushes and stops deferring. */
  void stopDeferring() {
    flush();
    if (deferring == Thread.currentThread()) {
      deferring = null;
    }
  }

  private void signalOrDefer() {
    if (deferring == Thread.currentThread() && ++deferred < MAX_DEFERRED) {
      return;
    }
    if (deferring == Thread.currentThread()) {
      deferred = 0;
    }
    signal.run();
  }
}
