package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Helpers over several informers: client-go's {@code cache.WaitForCacheSync}. */
public final class Cache {
  private static final Logger log = LoggerFactory.getLogger(Cache.class);

  /**
   * How often a waiting thread checks. client-go's {@code syncedPollPeriod} is 100 ms, which a
   * program that starts its work once its caches are synced waits 50 ms on average for nothing. A
   * check is a few volatile reads, so checking ten times as often costs the waiting thread about a
   * hundred wake-ups a second, only while it waits.
   */
  private static final Duration POLL = Duration.ofMillis(10);

  private Cache() {}

  /**
   * Waits until every one of {@code syncs} (informers, handler registrations) has synced, checking
   * every 10 ms.
   *
   * @return true when all synced; false when {@code timeout} passed first or the thread was
   *     interrupted (the interrupt flag is then set again)
   */
  public static boolean waitForCacheSync(Duration timeout, InformerSynced... syncs) {
    return waitForCacheSync(Clock.system(), timeout, syncs);
  }

  /** {@link #waitForCacheSync(Duration, InformerSynced...)} on the given clock. */
  public static boolean waitForCacheSync(Clock clock, Duration timeout, InformerSynced... syncs) {
    checkNotNull(clock, "clock");
    checkNotNull(timeout, "timeout");
    long deadline = clock.nanoTime() + timeout.toNanos();
    ReentrantLock lock = new ReentrantLock();
    Condition never = lock.newCondition();
    lock.lock();
    try {
      while (true) {
        if (allSynced(syncs)) {
          return true;
        }
        long left = deadline - clock.nanoTime();
        if (left <= 0) {
          log.debug("caches did not sync within {}", timeout);
          return false;
        }
        clock.awaitNanos(never, Math.min(left, POLL.toNanos()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  private static boolean allSynced(InformerSynced[] syncs) {
    for (InformerSynced s : syncs) {
      if (!s.hasSynced()) {
        return false;
      }
    }
    return true;
  }
}
