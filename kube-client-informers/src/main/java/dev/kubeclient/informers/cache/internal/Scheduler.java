package dev.kubeclient.informers.cache.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timers on an injected {@link Clock}, run by at most one thread: resync periods, the watch-list
 * deadline and the worker pool's starvation checks of every informer sharing it. The thread starts
 * when a timer is set and ends after {@code idleTimeout} without timers, so a process with no
 * pending timers holds no thread for them. Tasks must be short: they run one after another.
 *
 * <p>Thread-safe.
 */
public final class Scheduler {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  /** A scheduled task; {@link #cancel()} keeps it from running again. */
  public static final class Timer implements Comparable<Timer> {
    private final Runnable task;
    private final long periodNanos;
    private final long seq;
    private long dueNanos;
    private volatile boolean cancelled;

    private Timer(Runnable task, long dueNanos, long periodNanos, long seq) {
      this.task = task;
      this.dueNanos = dueNanos;
      this.periodNanos = periodNanos;
      this.seq = seq;
    }

    /** Cancels the task; a run in progress finishes. */
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(dueNanos - o.dueNanos, 0);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final Clock clock;
  private final ThreadFactory threadFactory;
  private final long idleNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Guarded by {@code lock}. */
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();

  /** The running timer thread, or null. Guarded by {@code lock}. */
  private @Nullable Thread thread;

  /** Guarded by {@code lock}. */
  private long seq;

  /** Guarded by {@code lock}. */
  private boolean shutdown;

  /** Creates an idle scheduler; threads come from {@code threadFactory}. */
  public Scheduler(Clock clock, ThreadFactory threadFactory, Duration idleTimeout) {
    this.clock = checkNotNull(clock, "clock");
    this.threadFactory = checkNotNull(threadFactory, "threadFactory");
    this.idleNanos = idleTimeout.toNanos();
  }

  /** Runs {@code task} once after {@code delay}. */
  public Timer schedule(Runnable task, Duration delay) {
    return add(task, delay.toNanos(), 0);
  }

  /** Runs {@code task} every {@code period}, the first time after one period. */
  public Timer scheduleWithFixedDelay(Runnable task, Duration period) {
    long p = period.toNanos();
    return add(task, p, Math.max(1, p));
  }

  private Timer add(Runnable task, long delayNanos, long periodNanos) {
    checkNotNull(task, "task");
    lock.lock();
    try {
      Timer t = new Timer(task, clock.nanoTime() + Math.max(0, delayNanos), periodNanos, seq++);
      if (shutdown) {
        t.cancel();
        return t;
      }
      timers.add(t);
      if (thread == null) {
        Thread th = threadFactory.newThread(this::loop);
        thread = th;
        th.start();
      } else {
        changed.signal();
      }
      return t;
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    long idleSince = clock.nanoTime();
    while (true) {
      Timer due = null;
      lock.lock();
      try {
        while (due == null) {
          if (shutdown) {
            thread = null;
            return;
          }
          Timer head = timers.peek();
          long now = clock.nanoTime();
          if (head == null) {
            if (now - idleSince >= idleNanos) {
              thread = null;
              return;
            }
            clock.awaitNanos(changed, idleNanos - (now - idleSince));
          } else if (head.cancelled) {
            timers.poll();
          } else if (head.dueNanos - now <= 0) {
            due = timers.poll();
          } else {
            clock.awaitNanos(changed, head.dueNanos - now);
          }
        }
      } catch (InterruptedException e) {
        thread = null;
        return;
      } finally {
        lock.unlock();
      }
      try {
        due.task.run();
      } catch (RuntimeException | Error e) {
        log.error("Timer task {} failed", due.task, e);
      }
      idleSince = clock.nanoTime();
      if (due.periodNanos > 0 && !due.cancelled) {
        lock.lock();
        try {
          due.dueNanos = clock.nanoTime() + due.periodNanos;
          timers.add(due);
        } finally {
          lock.unlock();
        }
      }
    }
  }

  /** Whether the timer thread is alive now. */
  public boolean hasThread() {
    lock.lock();
    try {
      return thread != null;
    } finally {
      lock.unlock();
    }
  }

  /** Cancels every timer and waits for the timer thread to end. */
  public void shutdown() throws InterruptedException {
    Thread t;
    lock.lock();
    try {
      shutdown = true;
      timers.clear();
      t = thread;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (t != null && t != Thread.currentThread()) {
      t.join();
    }
  }
}
