package dev.kubeclient.rest.internal;

import java.time.Instant;

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
}
