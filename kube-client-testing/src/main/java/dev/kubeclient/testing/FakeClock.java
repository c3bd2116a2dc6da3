package dev.kubeclient.testing;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.internal.Preconditions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Clock} that stands still until a test moves it (client-go's {@code
 * k8s.io/utils/clock/testing.FakeClock}): {@link #sleep} blocks until {@link #advance} has moved
 * time past the sleeper's deadline, so timeouts, backoff and delays run without real waiting and in
 * the order the test chooses.
 *
 * <p>{@link #awaitNanos} cannot be woken by {@code advance} (a condition is signalled only under
 * its own lock), so it waits at most a millisecond of real time and reports the fake time left;
 * callers loop on it as they loop on any condition. Safe for concurrent use.
 */
public final class FakeClock implements Clock {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();

  /** Guarded by {@code lock}. */
  private long nanos;

  /** Guarded by {@code lock}. */
  private Instant wall;

  /** Threads in {@link #sleep} now. Guarded by {@code lock}. */
  private int sleepers;

  /** A clock at 2026-01-01T00:00:00Z. */
  public FakeClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** A clock whose wall time starts at {@code start}. */
  public FakeClock(Instant start) {
    this.wall = Preconditions.checkNotNull(start, "start");
    this.nanos = 1_000_000_000L;
  }

  @Override
  public long nanoTime() {
    lock.lock();
    try {
      return nanos;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Instant now() {
    lock.lock();
    try {
      return wall;
    } finally {
      lock.unlock();
    }
  }

  /** Moves time forward by {@code duration} and wakes the sleepers whose time has come. */
  public void advance(Duration duration) {
    Preconditions.checkArgument(!duration.isNegative(), "duration < 0: %s", duration);
    lock.lock();
    try {
      nanos += duration.toNanos();
      wall = wall.plus(duration);
      advanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The number of threads blocked in {@link #sleep} now, for a test to wait for a sleeper. */
  public int sleepers() {
    lock.lock();
    try {
      return sleepers;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long d = duration.toNanos();
    if (d <= 0) {
      return;
    }
    lock.lock();
    try {
      long deadline = nanos + d;
      sleepers++;
      try {
        while (nanos - deadline < 0) {
          advanced.await();
        }
      } finally {
        sleepers--;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long awaitNanos(Condition condition, long waitNanos) throws InterruptedException {
    long start = nanoTime();
    if (waitNanos > 0) {
      condition.await(1, TimeUnit.MILLISECONDS);
    }
    return waitNanos - (nanoTime() - start);
  }

  @Override
  public String toString() {
    return "FakeClock{" + now() + "}";
  }
}
