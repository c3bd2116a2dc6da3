package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans notifications out to an informer's listeners: client-go's {@code sharedProcessor}. Non-sync
 * notifications go to every listener; sync ones (resyncs) only to the listeners whose resync is
 * due, as decided by the last {@link #shouldResync()}.
 *
 * <p>Thread-safe.
 *
 * @param <T> the object type
 */
final class SharedProcessor<T> {
  private static final Logger log = LoggerFactory.getLogger(SharedProcessor.class);

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;

  /** Listeners and whether each is resyncing now. Guarded by {@code lock}. */
  private final Map<ProcessorListener<T>, Boolean> listeners = new LinkedHashMap<>();

  /** Guarded by {@code lock}. */
  private boolean started;

  /** Guarded by {@code lock}. */
  private boolean stopped;

  SharedProcessor(Clock clock) {
    this.clock = clock;
  }

  /** Adds a listener; it delivers at once when the processor runs. False when stopped. */
  boolean addListener(ProcessorListener<T> listener) {
    lock.writeLock().lock();
    try {
      if (stopped) {
        return false;
      }
      listeners.put(listener, Boolean.TRUE);
      if (started) {
        listener.start();
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes a listener, so that nothing more is distributed to it; false when it was not
   * registered. The caller stops it.
   */
  boolean removeListener(ProcessorListener<?> listener) {
    lock.writeLock().lock();
    try {
      return listeners.remove(listener) != null;
    } finally {
      lock.writeLock().unlock();
    }
  }

  boolean contains(ProcessorListener<?> listener) {
    lock.readLock().lock();
    try {
      return listeners.containsKey(listener);
    } finally {
      lock.readLock().unlock();
    }
  }

  List<ProcessorListener<T>> listeners() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(listeners.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  void distribute(Notification<T> n, boolean sync) {
    lock.readLock().lock();
    try {
      for (Map.Entry<ProcessorListener<T>, Boolean> e : listeners.entrySet()) {
        if (!sync || e.getValue()) {
          e.getKey().add(n);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Holds the listeners' deliveries while the caller distributes a batch; every {@code hold} must
   * be followed by {@link #release()} in a finally.
   */
  void hold() {
    forEachListener(ProcessorListener::hold);
  }

  /** Releases the listeners held by {@link #hold()}. */
  void release() {
    forEachListener(ProcessorListener::release);
  }

  private void forEachListener(java.util.function.Consumer<ProcessorListener<T>> action) {
    lock.readLock().lock();
    try {
      for (ProcessorListener<T> l : listeners.keySet()) {
        action.accept(l);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  void start() {
    lock.writeLock().lock();
    try {
      started = true;
      for (ProcessorListener<T> l : listeners.keySet()) {
        l.start();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Stops every listener and waits for their deliveries to end. */
  void stop() {
    List<ProcessorListener<T>> all;
    lock.writeLock().lock();
    try {
      stopped = true;
      all = new ArrayList<>(listeners.keySet());
      listeners.clear();
    } finally {
      lock.writeLock().unlock();
    }
    for (ProcessorListener<T> l : all) {
      l.stop();
    }
  }

  /** Marks which listeners resync now; true when any does. */
  boolean shouldResync() {
    lock.writeLock().lock();
    try {
      boolean any = false;
      long now = clock.nanoTime();
      for (Map.Entry<ProcessorListener<T>, Boolean> e : listeners.entrySet()) {
        ProcessorListener<T> l = e.getKey();
        boolean should = l.shouldResync(now);
        e.setValue(should);
        if (should) {
          any = true;
          l.determineNextResync(now);
        }
      }
      return any;
    } finally {
      lock.writeLock().unlock();
    }
  }

  void resyncCheckPeriodChanged(Duration checkPeriod) {
    lock.readLock().lock();
    try {
      for (ProcessorListener<T> l : listeners.keySet()) {
        l.setResyncPeriod(determineResyncPeriod(l.requestedResyncPeriod, checkPeriod, "?"));
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** client-go's {@code determineResyncPeriod}. */
  static Duration determineResyncPeriod(Duration desired, Duration check, String informer) {
    if (desired.isZero()) {
      return desired;
    }
    if (check.isZero()) {
      log.warn(
          "informer {}: the resync period {} is invalid because this informer doesn't resync",
          informer,
          desired);
      return Duration.ZERO;
    }
    if (desired.compareTo(check) < 0) {
      log.warn(
          "informer {}: the resync period {} is raised to the resync check period {}",
          informer,
          desired,
          check);
      return check;
    }
    return desired;
  }
}
