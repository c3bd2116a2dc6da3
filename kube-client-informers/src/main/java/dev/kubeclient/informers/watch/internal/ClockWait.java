package dev.kubeclient.informers.watch.internal;

import dev.kubeclient.core.Clock;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

/** Waiting on a condition until a time on an injected clock, or until something else happens. */
public final class ClockWait {
  private ClockWait() {}

  /**
   * Waits on {@code condition}, whose lock the caller holds, until {@code deadline} on the clock
   * passes or {@code stop} (re-checked at each wake-up) turns true.
   *
   * @return true when the deadline passed, false when stopped first
   * @throws InterruptedException when interrupted while waiting
   */
  public static boolean untilDeadline(
      Clock clock, Condition condition, long deadline, BooleanSupplier stop)
      throws InterruptedException {
    while (!stop.getAsBoolean()) {
      long left = deadline - clock.nanoTime();
      if (left <= 0) {
        return true;
      }
      clock.awaitNanos(condition, left);
    }
    return false;
  }
}
