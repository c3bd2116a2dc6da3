package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * client-go's {@code RetryWithDeadline}: retries a class of errors (internal errors of a watch) for
 * at most {@code maxRetryDuration} since the first of a run of them; a gap of {@code
 * minResetPeriod} between errors starts a new run. A zero duration disables retrying.
 *
 * <p>Confined to the reflector thread.
 */
public final class RetryWithDeadline {
  private final long maxRetryNanos;
  private final long minResetNanos;
  private final Predicate<Throwable> retryable;
  private final Clock clock;
  private long firstErrorNanos;
  private long lastErrorNanos;
  private boolean any;

  /** Creates the tracker. */
  public RetryWithDeadline(
      Duration maxRetryDuration,
      Duration minResetPeriod,
      Predicate<Throwable> retryable,
      Clock clock) {
    this.maxRetryNanos = maxRetryDuration.toNanos();
    this.minResetNanos = minResetPeriod.toNanos();
    this.retryable = retryable;
    this.clock = clock;
  }

  /** Records the outcome of one watch ({@code error} null when it ended cleanly). */
  public void after(Throwable error) {
    if (error != null && retryable.test(error)) {
      long now = clock.nanoTime();
      if (!any || now - lastErrorNanos >= minResetNanos) {
        any = true;
        firstErrorNanos = now;
      }
      lastErrorNanos = now;
    }
  }

  /** Whether the last error may be retried at once. */
  public boolean shouldRetry() {
    if (maxRetryNanos <= 0) {
      return false;
    }
    if (any && clock.nanoTime() - firstErrorNanos <= maxRetryNanos) {
      return true;
    }
    any = false;
    return false;
  }
}
