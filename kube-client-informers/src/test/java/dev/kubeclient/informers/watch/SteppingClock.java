package dev.kubeclient.informers.watch;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;

/**
 * A clock on which every wait passes at once: waiting moves time forward by the whole wait. Lets a
 * single-threaded test see exactly which waits code asked for, without real time passing.
 */
final class SteppingClock implements Clock {
  private long nanos = 1_000_000_000L;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return Instant.EPOCH.plusNanos(nanos);
  }

  @Override
  public synchronized void sleep(Duration duration) {
    nanos += Math.max(0, duration.toNanos());
  }

  @Override
  public synchronized long awaitNanos(Condition condition, long waitNanos) {
    nanos += Math.max(0, waitNanos);
    return 0;
  }
}
