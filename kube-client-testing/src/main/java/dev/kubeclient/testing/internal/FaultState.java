package dev.kubeclient.testing.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The fault switches the request handler consults; set through {@link
 * dev.kubeclient.testing.Faults}. Thread-safe: every field is atomic or volatile, and a request
 * samples them once when it starts.
 */
public final class FaultState {
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureCode;
  private volatile int retryAfterSeconds;
  private volatile long delayMillis;
  private volatile int watchEventLimit = -1;

  /** Answers the next {@code count} requests with {@code code} (429, 500 or 503). */
  public void failNext(int count, int code, int retryAfter) {
    this.failureCode = code;
    this.retryAfterSeconds = retryAfter;
    failuresLeft.set(count);
  }

  /** The failure for this request, consuming one, or null. */
  public @Nullable ApiError takeFailure() {
    while (true) {
      int left = failuresLeft.get();
      if (left <= 0) {
        return null;
      }
      if (failuresLeft.compareAndSet(left, left - 1)) {
        return switch (failureCode) {
          case 429 -> ApiError.tooManyRequests(retryAfterSeconds);
          case 503 -> ApiError.serviceUnavailable();
          default -> ApiError.internal("injected failure");
        };
      }
    }
  }

  /** Delays every response by {@code millis} (0: none). */
  public void delay(long millis) {
    this.delayMillis = millis;
  }

  /** The current response delay. */
  public long delayMillis() {
    return delayMillis;
  }

  /** Closes each new watch after {@code events} events (negative: never). */
  public void watchEventLimit(int events) {
    this.watchEventLimit = events;
  }

  /** The event limit for a new watch, negative for none. */
  public int watchEventLimit() {
    return watchEventLimit;
  }

  /** Clears every switch. */
  public void reset() {
    failuresLeft.set(0);
    delayMillis = 0;
    watchEventLimit = -1;
  }
}
