package dev.kubeclient.informers.leaderelection.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.watch.internal.ClockWait;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The waiting of a leader elector, all on its clock: lock requests run on one helper thread while
 * the elector's thread waits for them until a deadline, so that a hung request cannot hold the
 * elector past the end of its term; timers; and a cancellation (close, or an interrupt of the
 * waiting thread) that ends every wait.
 *
 * <p>One thread waits at a time (the elector's); {@link #cancel()} and {@link #signal()} may come
 * from any thread.
 */
public final class RequestThread {
  /** How long a wait without deadline lasts before it looks again; signals end it sooner. */
  private static final long IDLE_WAIT_NANOS = Duration.ofSeconds(1).toNanos();

  /** No deadline. */
  public static final long NONE = Long.MAX_VALUE;

  /** A request or wait given up on: its deadline passed, or a cancellation came. */
  public static final class Abandoned extends Exception {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super(null, null, false, false);
    }
  }

  private final Clock clock;
  private final ExecutorService executor;
  private final ReentrantLock lock = new ReentrantLock();

  /** Signalled when a request ends, on cancel, and on {@link #signal()}. */
  private final Condition changed = lock.newCondition();

  /** Guarded by {@code lock}. */
  private boolean cancelled;

  /** The waiting thread was interrupted. Guarded by {@code lock}. */
  private boolean interrupted;

  /** Starts the helper thread from {@code threads}. */
  public RequestThread(Clock clock, ThreadFactory threads) {
    this.clock = checkNotNull(clock, "clock");
    this.executor = Executors.newSingleThreadExecutor(checkNotNull(threads, "threads"));
  }

  /** Runs {@code op} and waits for it; see {@link #call(Callable, long, boolean)}. */
  public void run(Runnable op, long deadline, boolean abandonOnCancel) throws Abandoned {
    call(
        () -> {
          op.run();
          return null;
        },
        deadline,
        abandonOnCancel);
  }

  /**
   * Runs {@code op} on the helper thread and waits for its result until {@code deadline} on the
   * clock ({@link #NONE} for none) and, with {@code abandonOnCancel}, until a cancellation. What
   * {@code op} throws is thrown; an abandoned request goes on running, and its result is dropped.
   *
   * @throws Abandoned when the deadline passed or a cancellation came first
   */
  public <T> T call(Callable<T> op, long deadline, boolean abandonOnCancel) throws Abandoned {
    if (deadline != NONE && clock.nanoTime() - deadline >= 0) {
      throw new Abandoned();
    }
    Future<T> f =
        executor.submit(
            () -> {
              try {
                return op.call();
              } finally {
                signal();
              }
            });
    lock.lock();
    try {
      while (!f.isDone()) {
        if (cancelled && abandonOnCancel) {
          throw new Abandoned();
        }
        long left = deadline == NONE ? IDLE_WAIT_NANOS : deadline - clock.nanoTime();
        if (left <= 0) {
          throw new Abandoned();
        }
        clock.awaitNanos(changed, Math.min(left, IDLE_WAIT_NANOS));
      }
    } catch (InterruptedException e) {
      onInterruptedLocked();
      throw new Abandoned();
    } finally {
      lock.unlock();
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("lock request failed", cause);
    } catch (InterruptedException e) {
      // Not reached: the future is done, so get() does not wait.
      interruptedWhileDone();
      throw new Abandoned();
    }
  }

  /** Waits until {@code until} on the clock; false when cancelled meanwhile. */
  public boolean sleepUntil(long until) {
    lock.lock();
    try {
      return ClockWait.untilDeadline(clock, changed, until, () -> cancelled);
    } catch (InterruptedException e) {
      onInterruptedLocked();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code done} is true (re-checked on each {@link #signal()}) or {@code until} on the
   * clock, regardless of cancellation; whether {@code done} became true.
   */
  public boolean awaitUntil(BooleanSupplier done, long until) {
    lock.lock();
    try {
      return !ClockWait.untilDeadline(clock, changed, until, done);
    } catch (InterruptedException e) {
      onInterruptedLocked();
      return done.getAsBoolean();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the waits that honour cancellation, now and later. Idempotent; any thread. */
  public void cancel() {
    lock.lock();
    try {
      cancelled = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@link #cancel()} was called or the waiting thread was interrupted. */
  public boolean isCancelled() {
    lock.lock();
    try {
      return cancelled;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the waiting thread was interrupted; its flag is left for the caller to restore. */
  public boolean wasInterrupted() {
    lock.lock();
    try {
      return interrupted;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the waiting thread to re-check what it waits for. */
  public void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Stops the helper thread, interrupting a request in progress; does not wait. */
  public void shutdown() {
    executor.shutdownNow();
  }

  /**
   * An interrupt counts as a cancellation. The thread's flag is not set again here, so that later
   * waits (a release) still work; the elector restores it when it returns.
   */
  private void onInterruptedLocked() {
    cancelled = true;
    interrupted = true;
    changed.signalAll();
  }

  private void interruptedWhileDone() {
    lock.lock();
    try {
      onInterruptedLocked();
    } finally {
      lock.unlock();
    }
  }
}
