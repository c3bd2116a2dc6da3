package dev.kubeclient.rest;

import dev.kubeclient.rest.internal.SystemClock;
import dev.kubeclient.rest.internal.TokenBucketRateLimiter;
import java.time.Duration;

/**
 * Client-side throttling of requests (client-go's {@code flowcontrol.RateLimiter}). Every request
 * and every retry of a request takes one permit before it is sent.
 *
 * <p>Implementations must be safe for concurrent use.
 */
public interface RateLimiter {
  /**
   * Takes a permit without waiting.
   *
   * @return true when a permit was available and taken
   */
  boolean tryAccept();

  /**
   * Takes a permit, waiting at most {@code maxWait} for it. A limiter that can tell that the wait
   * would exceed {@code maxWait} fails at once without taking the permit.
   *
   * @return how long the caller waited
   * @throws InterruptedException when the thread is interrupted while waiting
   * @throws RateLimiterTimeoutException when no permit is available within {@code maxWait}
   */
  Duration acquire(Duration maxWait) throws InterruptedException;

  /** The sustained rate in permits per second, for logs; 0 when unknown. */
  double qps();

  /**
   * A token bucket holding up to {@code burst} permits and refilled at {@code qps} per second,
   * starting full (client-go's {@code NewTokenBucketRateLimiter}).
   *
   * @throws IllegalArgumentException if qps is not positive or burst is less than 1
   */
  static RateLimiter tokenBucket(double qps, int burst) {
    return new TokenBucketRateLimiter(qps, burst, SystemClock.INSTANCE);
  }

  /** A limiter that never waits. */
  static RateLimiter unlimited() {
    return new RateLimiter() {
      @Override
      public boolean tryAccept() {
        return true;
      }

      @Override
      public Duration acquire(Duration maxWait) {
        return Duration.ZERO;
      }

      @Override
      public double qps() {
        return 0;
      }
    };
  }
}
