package dev.kubeclient.core.internal;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/** The real {@link Clock}; the one place in core that reads system time. */
public enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long nanos = duration.toNanos();
    if (nanos > 0) {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  }

  @Override
  public long awaitNanos(Condition condition, long nanos) throws InterruptedException {
    return condition.awaitNanos(nanos);
  }
}
