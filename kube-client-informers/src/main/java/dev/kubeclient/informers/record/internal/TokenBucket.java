package dev.kubeclient.informers.record.internal;

import dev.kubeclient.core.Clock;

/**
 * A passive token bucket (client-go's {@code NewTokenBucketPassiveRateLimiterWithClock}): starts
 * full with {@code burst} tokens, refills at {@code qps} per second on the clock, never waits. Not
 * thread-safe.
 */
final class TokenBucket {
  private final double qps;
  private final int burst;
  private final Clock clock;
  private double tokens;
  private long lastNanos;

  TokenBucket(double qps, int burst, Clock clock) {
    this.qps = qps;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.lastNanos = clock.nanoTime();
  }

  /** Takes a token if there is one. */
  boolean tryAccept() {
    long now = clock.nanoTime();
    tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * qps);
    lastNanos = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
