package dev.kubeclient.core;

import dev.kubeclient.core.internal.SystemClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;

/**
 * Time as kube-client's background machinery sees it (client-go's {@code k8s.io/utils/clock}):
 * monotonic nanoseconds for timeouts, backoff and queue delays, wall-clock time for what is written
 * to the server, and waiting. Injected wherever code waits or measures, so that tests can run it on
 * a fake clock instead of real time; {@link #system()} is the real one.
 *
 * <p>Implementations are safe for concurrent use.
 */
public interface Clock {
  /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
  long nanoTime();

  /** Wall-clock time. */
  Instant now();

  /**
   * Sleeps for {@code duration} of this clock's time; returns at once for zero or less.
   *
   * @throws InterruptedException when the thread is interrupted while sleeping
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Waits on {@code condition}, whose lock the caller holds, until it is signalled or {@code nanos}
   * of this clock's time have passed, as {@link Condition#awaitNanos(long)}. May return early
   * (spuriously, or so that a fake clock can be advanced): callers re-check their state and wait
   * again, as with any condition.
   *
   * @return an estimate of the time left, zero or less when it has passed
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  long awaitNanos(Condition condition, long nanos) throws InterruptedException;

  /** The real clock: {@link System#nanoTime()}, {@link Instant#now()} and real waits. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
