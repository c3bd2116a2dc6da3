package dev.kubeclient.informers.cache.internal;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that process informers' queues and deliver to their handlers. Work comes as short
 * tasks (a time slice of one queue or one handler's buffer) taken in FIFO order by up to {@code
 * coreThreads} workers. A handler that blocks holds its worker; so that it delays only itself, the
 * pool adds a worker whenever tasks wait while some worker has been busy with one task for longer
 * than {@code stuckThreshold} (checked when work arrives and, while work waits, by a timer). Idle
 * workers end after {@code keepAlive}, so idle informers hold no worker thread.
 *
 * <p>Thread budget: at most {@code coreThreads} workers plus one per task stuck longer than the
 * threshold, plus the scheduler's one timer thread.
 *
 * <p>Thread-safe.
 */
public final class WorkerPool {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final int coreThreads;
  private final long keepAliveNanos;
  private final long stuckNanos;
  private final Clock clock;
  private final ThreadFactory threadFactory;
  private final Scheduler scheduler;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition workAvailable = lock.newCondition();
  private final Condition terminated = lock.newCondition();

  /** Tasks waiting for a worker. Guarded by {@code lock}. */
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

  /** Live workers. Guarded by {@code lock}. */
  private final List<Worker> workers = new ArrayList<>();

  /** Workers waiting for a task. Guarded by {@code lock}. */
  private int idle;

  /** Whether a starvation check is scheduled. Guarded by {@code lock}. */
  private boolean checkScheduled;

  /** Guarded by {@code lock}. */
  private boolean shutdown;

  private final class Worker implements Runnable {
    /** When the current task started, or 0 while idle. */
    volatile long taskStartNanos;

    @Nullable Thread thread;

    @Override
    public void run() {
      try {
        while (true) {
          Runnable task = take(this);
          if (task == null) {
            return;
          }
          taskStartNanos = Math.max(1, clock.nanoTime());
          try {
            task.run();
          } catch (RuntimeException | Error e) {
            log.error("Informer task {} failed", task, e);
          } finally {
            taskStartNanos = 0;
            // A stop() may have interrupted this worker in a handler: not the next task's concern.
            Thread.interrupted();
          }
        }
      } finally {
        exit(this);
      }
    }
  }

  /** Creates a pool with no threads yet. */
  public WorkerPool(
      int coreThreads,
      Duration keepAlive,
      Duration stuckThreshold,
      Clock clock,
      ThreadFactory threadFactory,
      Scheduler scheduler) {
    checkArgument(coreThreads > 0, "coreThreads must be positive: %s", coreThreads);
    this.coreThreads = coreThreads;
    this.keepAliveNanos = keepAlive.toNanos();
    this.stuckNanos = stuckThreshold.toNanos();
    this.clock = checkNotNull(clock, "clock");
    this.threadFactory = checkNotNull(threadFactory, "threadFactory");
    this.scheduler = checkNotNull(scheduler, "scheduler");
  }

  /**
   * Queues {@code task}.
   *
   * @throws RejectedExecutionException after {@link #shutdown()}
   */
  public void execute(Runnable task) {
    checkNotNull(task, "task");
    lock.lock();
    try {
      if (shutdown) {
        throw new RejectedExecutionException("worker pool is shut down");
      }
      queue.addLast(task);
      if (idle > 0) {
        workAvailable.signal();
      } else if (workers.size() < coreThreads || anyStuckLocked()) {
        startWorkerLocked();
      } else {
        scheduleCheckLocked();
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean anyStuckLocked() {
    long now = clock.nanoTime();
    int stuck = 0;
    for (Worker w : workers) {
      long start = w.taskStartNanos;
      if (start != 0 && now - start >= stuckNanos) {
        stuck++;
      }
    }
    // Grow only while the workers not stuck are fewer than the core size.
    return stuck > 0 && workers.size() - stuck < coreThreads;
  }

  private void scheduleCheckLocked() {
    if (!checkScheduled) {
      checkScheduled = true;
      scheduler.schedule(this::checkStarvation, Duration.ofNanos(stuckNanos));
    }
  }

  private void checkStarvation() {
    lock.lock();
    try {
      checkScheduled = false;
      if (shutdown || queue.isEmpty() || idle > 0) {
        return;
      }
      if (anyStuckLocked()) {
        startWorkerLocked();
      }
      if (!queue.isEmpty()) {
        scheduleCheckLocked();
      }
    } finally {
      lock.unlock();
    }
  }

  private void startWorkerLocked() {
    Worker w = new Worker();
    Thread t = threadFactory.newThread(w);
    w.thread = t;
    workers.add(w);
    t.start();
  }

  private @Nullable Runnable take(Worker w) {
    lock.lock();
    try {
      long deadline = clock.nanoTime() + keepAliveNanos;
      while (queue.isEmpty()) {
        long left = deadline - clock.nanoTime();
        if (shutdown || left <= 0) {
          return null;
        }
        idle++;
        try {
          clock.awaitNanos(workAvailable, left);
        } catch (InterruptedException e) {
          // Interrupted while idle: only shutdown interrupts idle workers.
          Thread.interrupted();
        } finally {
          idle--;
        }
      }
      return queue.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  private void exit(Worker w) {
    lock.lock();
    try {
      workers.remove(w);
      if (!queue.isEmpty() && !shutdown && workers.size() < coreThreads && idle == 0) {
        startWorkerLocked();
      }
      terminated.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean isWorkerLocked(Thread t) {
    for (Worker w : workers) {
      if (w.thread == t) {
        return true;
      }
    }
    return false;
  }

  /** Number of live workers. */
  public int threadCount() {
    lock.lock();
    try {
      return workers.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Rejects new tasks, drops queued ones, wakes idle workers and waits for every worker to end
   * (busy ones after their current task). Called from a task (a handler shutting its factory down),
   * it waits for the other workers only; the calling one ends when its task returns.
   */
  public void shutdown() throws InterruptedException {
    lock.lock();
    try {
      shutdown = true;
      queue.clear();
      workAvailable.signalAll();
      while (workers.size() > (isWorkerLocked(Thread.currentThread()) ? 1 : 0)) {
        terminated.await();
      }
    } finally {
      lock.unlock();
    }
  }
}
