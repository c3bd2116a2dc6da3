package dev.kubeclient.informers.leaderelection;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One term of leadership, handed to {@link LeaderCallbacks#onStartedLeading}: the cancellation
 * handle of client-go's leading {@code context.Context}. It is cancelled when the elector stops
 * leading: the lease could not be renewed in time, or the elector was closed.
 *
 * <p>The term has a deadline on the elector's clock: renewDeadline after the last successful
 * renewal was sent. Once the clock passes it, {@link #isCancelled()} is true even if the elector's
 * thread has not noticed yet, so a check right before a guarded write is accurate to the clock.
 * Cancellation is final. When it is noticed, listeners registered with {@link #onCancel} run, and
 * the thread running {@code onStartedLeading} is interrupted.
 *
 * <pre>{@code
 * callbacks = LeaderCallbacks.of(
 *     ctx -> {
 *       while (!ctx.isCancelled()) {
 *         reconcileOnce();
 *       }
 *     },
 *     () -> log.info("stopped leading"));
 * }</pre>
 *
 * <p>Safe for concurrent use.
 */
public final class LeadingContext {
  private static final Logger log = LoggerFactory.getLogger(LeadingContext.class);

  private final Clock clock;
  private final long startNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition cancelledCondition = lock.newCondition();

  /** Clock time at which the term ends unless renewed. Guarded by {@code lock}. */
  private long deadlineNanos;

  /** Guarded by {@code lock}; once true never false. */
  private boolean cancelled;

  /**
   * When the term ended: the deadline, or the time of an earlier cancel. Guarded by {@code lock}.
   */
  private long endNanos;

  /** Run once at cancellation. Guarded by {@code lock}; cleared when they run. */
  private final List<Runnable> listeners = new ArrayList<>();

  LeadingContext(Clock clock, long startNanos, long deadlineNanos) {
    this.clock = clock;
    this.startNanos = startNanos;
    this.deadlineNanos = deadlineNanos;
  }

  /** Whether the term is over. Once true, stays true. */
  public boolean isCancelled() {
    List<Runnable> toRun;
    lock.lock();
    try {
      if (cancelled) {
        return true;
      }
      if (clock.nanoTime() - deadlineNanos < 0) {
        return false;
      }
      toRun = cancelLocked(deadlineNanos);
    } finally {
      lock.unlock();
    }
    runListeners(toRun);
    return true;
  }

  /**
   * Blocks until the term is over.
   *
   * @throws InterruptedException when interrupted while waiting (as the leading thread is, at
   *     cancellation)
   */
  public void await() throws InterruptedException {
    while (!await(Duration.ofDays(1))) {
      // keep waiting
    }
  }

  /**
   * Blocks until the term is over or {@code timeout} of the elector's clock passes.
   *
   * @return whether the term is over
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean await(Duration timeout) throws InterruptedException {
    long end = clock.nanoTime() + timeout.toNanos();
    while (!isCancelled()) {
      lock.lock();
      try {
        long now = clock.nanoTime();
        long wait = Math.min(deadlineNanos, end) - now;
        if (end - now <= 0) {
          return cancelled;
        }
        if (!cancelled && wait > 0) {
          clock.awaitNanos(cancelledCondition, wait);
        }
      } finally {
        lock.unlock();
      }
    }
    return true;
  }

  /**
   * Runs {@code listener} when the term ends is noticed, on the thread that notices it; at once
   * when it is already over. Listeners must be quick and must not throw (what they throw is
   * logged).
   */
  public void onCancel(Runnable listener) {
    checkNotNull(listener, "listener");
    lock.lock();
    try {
      if (!cancelled) {
        listeners.add(listener);
        return;
      }
    } finally {
      lock.unlock();
    }
    runListeners(List.of(listener));
  }

  /** The elector's clock time ({@link Clock#nanoTime()}) at which this term began. */
  long startNanos() {
    return startNanos;
  }

  /** When the term ended (at its deadline or at an earlier cancel); meaningful once cancelled. */
  long endNanos() {
    lock.lock();
    try {
      return endNanos;
    } finally {
      lock.unlock();
    }
  }

  /** The current deadline. */
  long deadlineNanos() {
    lock.lock();
    try {
      return deadlineNanos;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves the deadline to {@code newDeadline} after a successful renewal, unless the term is over
   * already (then it stays over).
   *
   * @return whether the term goes on
   */
  boolean extendTo(long newDeadline) {
    List<Runnable> toRun;
    lock.lock();
    try {
      if (cancelled) {
        return false;
      }
      if (clock.nanoTime() - deadlineNanos < 0) {
        if (newDeadline - deadlineNanos > 0) {
          deadlineNanos = newDeadline;
        }
        return true;
      }
      toRun = cancelLocked(deadlineNanos);
    } finally {
      lock.unlock();
    }
    runListeners(toRun);
    return false;
  }

  /** Ends the term now, or at its deadline if that has passed. Idempotent. */
  void cancel() {
    List<Runnable> toRun;
    lock.lock();
    try {
      if (cancelled) {
        return;
      }
      long now = clock.nanoTime();
      toRun = cancelLocked(now - deadlineNanos < 0 ? now : deadlineNanos);
    } finally {
      lock.unlock();
    }
    runListeners(toRun);
  }

  private List<Runnable> cancelLocked(long end) {
    cancelled = true;
    endNanos = end;
    cancelledCondition.signalAll();
    List<Runnable> toRun = List.copyOf(listeners);
    listeners.clear();
    return toRun;
  }

  private static void runListeners(List<Runnable> toRun) {
    for (Runnable r : toRun) {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.warn("a leading context's cancel listener failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "LeadingContext{" + (isCancelled() ? "cancelled" : "leading") + "}";
  }
}
