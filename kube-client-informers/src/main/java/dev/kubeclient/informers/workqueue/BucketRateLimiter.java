package dev.kubeclient.informers.workqueue;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import java.time.Duration;

/**
 * One token bucket shared by all items (client-go's {@code TypedBucketRateLimiter} over {@code
 * golang.org/x/time/rate}): {@code burst} tokens, refilled at {@code qps} per second, starting
 * full. Each {@link #when} reserves a token, taking it from the future when the bucket is empty,
 * and returns how long until that token exists; so under a burst of failures the waits grow by
 * {@code 1/qps} each and no retry loses its turn. It limits the overall speed of retries, not each
 * item: {@link #numRequeues} is always zero and {@link #forget} does nothing.
 *
 * <p>Edge cases follow {@code x/time/rate}: an infinite {@code qps} ({@link
 * Double#POSITIVE_INFINITY} or {@link Double#MAX_VALUE}, Go's {@code rate.Inf}) never waits; a zero
 * {@code qps} or a zero {@code burst} waits "forever" once the bucket is empty (a very long
 * duration, which a {@link DelayingQueue} treats as about 73 years).
 *
 * <p>Safe for concurrent use.
 *
 * @param <T> the item type
 */
public final class BucketRateLimiter<T> implements RateLimiter<T> {
  /** Go's {@code rate.InfDuration}: what an impossible reservation waits. */
  private static final long INF_NANOS = Long.MAX_VALUE;

  private final double qps;
  private final int burst;
  private final Clock clock;

  /** Tokens left at {@link #lastNanos}; negative when reservations wait. Guarded by this. */
  private double tokens;

  /** When {@link #tokens} was last brought up to date. Guarded by this. */
  private long lastNanos;

  /**
   * Creates a full bucket on the system clock.
   *
   * @throws IllegalArgumentException if {@code qps} is negative or NaN, or {@code burst} negative
   */
  public BucketRateLimiter(double qps, int burst) {
    this(qps, burst, Clock.system());
  }

  /**
   * Creates a full bucket on {@code clock}.
   *
   * @throws IllegalArgumentException if {@code qps} is negative or NaN, or {@code burst} negative
   */
  public BucketRateLimiter(double qps, int burst, Clock clock) {
    checkArgument(qps >= 0, "qps must be zero or more: %s", qps);
    checkArgument(burst >= 0, "burst < 0: %s", burst);
    this.qps = qps;
    this.burst = burst;
    this.clock = checkNotNull(clock, "clock");
    this.tokens = burst;
    this.lastNanos = clock.nanoTime();
  }

  @Override
  public Duration when(T item) {
    return Duration.ofNanos(reserve());
  }

  /** Reserves one token now and returns the nanoseconds until it may be used. */
  private synchronized long reserve() {
    if (qps >= Double.MAX_VALUE) {
      // Go's rate.Inf is the largest float64; infinity here too.
      return 0;
    }
    long now = clock.nanoTime();
    double left = advance(now) - 1;
    long wait = left < 0 ? nanosFromTokens(-left) : 0;
    if (burst < 1) {
      // x/time/rate refuses the reservation without changing the bucket; its delay is "forever".
      return INF_NANOS;
    }
    lastNanos = now;
    tokens = left;
    return wait;
  }

  /** The tokens there are at {@code now}: those left, plus the refill since, up to the burst. */
  private double advance(long now) {
    long elapsed = Math.max(0, now - lastNanos);
    double refill = qps <= 0 ? 0 : elapsed / 1e9 * qps;
    return Math.min(burst, tokens + refill);
  }

  private long nanosFromTokens(double missing) {
    if (qps <= 0) {
      return INF_NANOS;
    }
    double nanos = missing / qps * 1e9;
    return nanos > INF_NANOS ? INF_NANOS : (long) nanos;
  }

  @Override
  public void forget(T item) {}

  @Override
  public int numRequeues(T item) {
    return 0;
  }

  /** Retries allowed per second. */
  public double qps() {
    return qps;
  }

  /** The bucket's size. */
  public int burst() {
    return burst;
  }

  @Override
  public String toString() {
    return "BucketRateLimiter{qps=" + qps + ", burst=" + burst + "}";
  }
}
