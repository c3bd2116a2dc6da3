package dev.kubeclient.informers.cache.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a handler is synced: client-go's {@code synctrack.SingleFileTracker}. It counts the
 * initial-list notifications handed to the handler but not yet delivered; the handler is synced
 * once its informer has synced and that count is back to zero.
 *
 * <p>Thread-safe.
 */
final class SyncTracker {
  private final AtomicLong count = new AtomicLong();
  private final AtomicBoolean upstreamHasSynced = new AtomicBoolean();
  private volatile boolean synced;

  /** Before handing over a notification of the initial list. */
  void start() {
    count.incrementAndGet();
  }

  /**
   * After delivering one.
   *
   * @throws IllegalStateException when called more often than {@link #start()}
   */
  void finished() {
    long left = count.decrementAndGet();
    if (left < 0) {
      throw new IllegalStateException(
          "synctrack: negative counter; this logic error means hasSynced may be wrong");
    }
    if (left == 0 && upstreamHasSynced.get()) {
      synced = true;
    }
  }

  /** Once the informer has synced, after handing over the initial list. */
  void upstreamHasSynced() {
    upstreamHasSynced.set(true);
    if (count.get() == 0) {
      synced = true;
    }
  }

  boolean hasSynced() {
    return synced;
  }
}
