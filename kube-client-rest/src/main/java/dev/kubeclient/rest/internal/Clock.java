package dev.kubeclient.rest.internal;

import java.time.Instant;
import java.util.concurrent.locks.Condition;

/**
 * Time as the rest layer sees it, injected so that throttling, retries and credential expiry are
 * testable without real waiting. Implementations must be safe for concurrent use.
 */
public interface Clock {
  /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Wall-clock time, for credential expiry. */
  Instant now();

  /** Sleeps; may return early only by throwing {@link InterruptedException}. */
  void sleepNanos(long nanos) throws InterruptedException;

  /**
   * Waits on {@code condition}, whose lock the caller holds, until it is signalled or {@code nanos}
   * of this clock's time have passed, as {@link Condition#awaitNanos(long)}. May return early:
   * callers re-check their state and wait again. A fake clock advances its time here instead.
   *
   * @return an estimate of the time left, zero or less when it has passed
   */
  default long awaitNanos(Condition condition, long nanos) throws InterruptedException {
    return condition.awaitNanos(nanos);
  }
}
