package dev.kubeclient.rest.internal;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.rest.RateLimiter;
import dev.kubeclient.rest.RateLimiterTimeoutException;
import java.time.Duration;

/**
 * A token bucket in the manner of Go's {@code golang.org/x/time/rate} limiter that client-go's
 * {@code flowcontrol.NewTokenBucketRateLimiter} wraps: {@code burst} tokens, refilled at {@code
 * qps} per second, starting full. A waiting caller reserves its token first (the bucket may go
 * negative), so waiters are served in arrival order and never lose their turn.
 *
 * <p>Safe for concurrent use; the only state is guarded by {@code this}.
 */
public final class TokenBucketRateLimiter implements RateLimiter {
  private final double qps;
  private final int burst;
  private final Clock clock;

  /** Tokens available at {@link #lastNanos}; negative while callers wait. Guarded by this. */
  private double tokens;

  /** When {@link #tokens} was last brought up to date. Guarded by this. */
  private long lastNanos;

  /** Creates a full bucket. */
  public TokenBucketRateLimiter(double qps, int burst, Clock clock) {
    checkArgument(qps > 0 && !Double.isInfinite(qps), "qps must be positive and finite: %s", qps);
    checkArgument(burst >= 1, "burst must be at least 1: %s", burst);
    this.qps = qps;
    this.burst = burst;
    this.clock = checkNotNull(clock, "clock");
    this.tokens = burst;
    this.lastNanos = clock.nanoTime();
  }

  @Override
  public synchronized boolean tryAccept() {
    refillLocked();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  @Override
  public Duration acquire(Duration maxWait) throws InterruptedException {
    checkNotNull(maxWait, "maxWait");
    long waitNanos;
    synchronized (this) {
      refillLocked();
      double after = tokens - 1;
      waitNanos = after >= 0 ? 0 : (long) Math.ceil(-after / qps * 1e9);
      if (waitNanos > maxWait.toNanos()) {
        throw new RateLimiterTimeoutException(
            "client-side throttling: waiting "
                + Duration.ofNanos(waitNanos)
                + " for a request would exceed its deadline ("
                + maxWait
                + " left)");
      }
      tokens = after;
    }
    if (waitNanos > 0) {
      try {
        clock.sleepNanos(waitNanos);
      } catch (InterruptedException e) {
        cancelReservation();
        throw e;
      }
    }
    return Duration.ofNanos(waitNanos);
  }

  /**
   * Takes a permit now, letting the bucket go negative, and returns how long the caller must wait
   * before using it (Go's {@code Limiter.Reserve}). A caller that gives up before then hands the
   * permit back with {@link #cancelReservation()}. This lets the transport wait on its own
   * condition, so that closing it wakes throttled callers.
   */
  public long reserveNanos() {
    synchronized (this) {
      refillLocked();
      tokens -= 1;
      return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / qps * 1e9);
    }
  }

  /** Returns a permit taken by {@link #reserveNanos()} that will not be used. */
  public synchronized void cancelReservation() {
    tokens = Math.min(burst, tokens + 1);
  }

  @Override
  public double qps() {
    return qps;
  }

  private void refillLocked() {
    long now = clock.nanoTime();
    long elapsed = now - lastNanos;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * qps / 1e9);
      lastNanos = now;
    }
  }
}
