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
  private volatile int watchExpireAfter = -1;
  private final AtomicInteger expiredLists = new AtomicInteger();
  private final AtomicInteger tooLargeLists = new AtomicInteger();
  private final AtomicInteger rejectedWatches = new AtomicInteger();
  private volatile int watchRejectCode = 410;
  private final AtomicInteger bareClosedWatches = new AtomicInteger();

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

  /** Ends each new watch after {@code events} events with a 410 Expired ERROR event (-1: never). */
  public void watchExpireAfter(int events) {
    this.watchExpireAfter = events;
  }

  /** The events after which a new watch ends with 410 as an ERROR event, negative for never. */
  public int watchExpireAfter() {
    return watchExpireAfter;
  }

  /** Answers the next {@code count} lists with 410 Expired. */
  public void expireLists(int count) {
    expiredLists.set(count);
  }

  /**
   * Answers the next {@code count} lists at a resourceVersion with "too large resource version".
   */
  public void tooLargeLists(int count) {
    tooLargeLists.set(count);
  }

  /** Answers the next {@code count} watch requests with HTTP {@code code} instead of a stream. */
  public void rejectWatches(int count, int code) {
    this.watchRejectCode = code;
    rejectedWatches.set(count);
  }

  /** Ends the next {@code count} watches right after their response headers, with no event. */
  public void bareCloseWatches(int count) {
    bareClosedWatches.set(count);
  }

  /** The failure for this list request, consuming one, or null. */
  public @Nullable ApiError takeListFailure(String resourceVersion, long current) {
    if (take(expiredLists)) {
      return ApiError.expired("The resourceVersion for the provided list is too old.");
    }
    if (!resourceVersion.isEmpty() && !resourceVersion.equals("0") && take(tooLargeLists)) {
      long requested;
      try {
        requested = Long.parseLong(resourceVersion);
      } catch (NumberFormatException e) {
        requested = current + 1;
      }
      return ApiError.tooLargeResourceVersion(Math.max(requested, current + 1), current);
    }
    return null;
  }

  /** The rejection of this watch request, consuming one, or null. */
  public @Nullable ApiError takeWatchRejection() {
    if (!take(rejectedWatches)) {
      return null;
    }
    return switch (watchRejectCode) {
      case 410 -> ApiError.expired("too old resource version");
      case 429 -> ApiError.tooManyRequests(1);
      case 503 -> ApiError.serviceUnavailable();
      default -> ApiError.internal("injected watch failure");
    };
  }

  /** Whether this watch must end right after its headers, consuming one. */
  public boolean takeBareClose() {
    return take(bareClosedWatches);
  }

  private static boolean take(AtomicInteger counter) {
    while (true) {
      int left = counter.get();
      if (left <= 0) {
        return false;
      }
      if (counter.compareAndSet(left, left - 1)) {
        return true;
      }
    }
  }

  /** Clears every switch. */
  public void reset() {
    failuresLeft.set(0);
    delayMillis = 0;
    watchEventLimit = -1;
    watchExpireAfter = -1;
    expiredLists.set(0);
    tooLargeLists.set(0);
    rejectedWatches.set(0);
    bareClosedWatches.set(0);
  }
}
