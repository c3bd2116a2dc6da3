package dev.kubeclient.rest;

import dev.kubeclient.rest.internal.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock whose sleeps and timed waits return at once and advance time; records each. */
final class FakeClock implements Clock {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
  final List<Long> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant now() {
    return epoch.plusNanos(nanos.get());
  }

  @Override
  public void sleepNanos(long n) {
    sleeps.add(n);
    nanos.addAndGet(n);
  }

  @Override
  public long awaitNanos(java.util.concurrent.locks.Condition condition, long n) {
    sleepNanos(n);
    return 0;
  }

  void advanceSeconds(long seconds) {
    nanos.addAndGet(seconds * 1_000_000_000L);
  }
}
