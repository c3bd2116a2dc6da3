package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.cache.DeltaFIFO;
import dev.kubeclient.informers.cache.PopProcessFunc;
import java.time.Duration;

/**
 * The serial task that pops an informer's queue: client-go's controller {@code processLoop} without
 * a thread of its own. {@link #signal()} (after each reflector write) queues the task on the pool
 * unless it is queued or running; the task runs {@code beforeSlice} (which holds the listeners'
 * deliveries), pops for a time slice, runs {@code afterPops} (which releases them, so that a burst
 * wakes each listener's worker once) and {@code afterSlice} (the sync check), and queues itself
 * again while keys are left.
 *
 * <p>Thread-safe.
 *
 * @param <T> the object type
 */
final class QueueDrainer<T> implements Runnable {
  /** How long one task processes before yielding its worker. */
  private static final long SLICE_NANOS = Duration.ofMillis(10).toNanos();

  private final DeltaFIFO<T> fifo;
  private final PopProcessFunc<T> process;
  private final Runnable beforeSlice;
  private final Runnable afterPops;
  private final Runnable afterSlice;
  private final WorkerPool pool;
  private final Clock clock;

  QueueDrainer(
      DeltaFIFO<T> fifo,
      PopProcessFunc<T> process,
      Runnable beforeSlice,
      Runnable afterPops,
      Runnable afterSlice,
      WorkerPool pool,
      Clock clock) {
    this.fifo = fifo;
    this.process = process;
    this.beforeSlice = beforeSlice;
    this.afterPops = afterPops;
    this.afterSlice = afterSlice;
    this.pool = pool;
    this.clock = clock;
  }

  /** Guarded by {@code this}. */
  private boolean scheduled;

  /** Guarded by {@code this}. */
  private boolean running;

  /** Guarded by {@code this}. */
  private boolean stopping;

  void signal() {
    synchronized (this) {
      if (scheduled || stopping) {
        return;
      }
      scheduled = true;
    }
    pool.execute(this);
  }

  @Override
  public void run() {
    DeltaFIFO<T> f = fifo;
    synchronized (this) {
      if (stopping) {
        scheduled = false;
        notifyAll();
        return;
      }
      running = true;
    }
    boolean more = false;
    try {
      long deadline = clock.nanoTime() + SLICE_NANOS;
      beforeSlice.run();
      try {
        while (!isStopping()) {
          if (!f.tryPop(process)) {
            break;
          }
          if (clock.nanoTime() - deadline >= 0) {
            more = true;
            break;
          }
        }
      } finally {
        afterPops.run();
      }
      afterSlice.run();
    } finally {
      synchronized (this) {
        running = false;
        scheduled = false;
        notifyAll();
      }
    }
    if ((more || f.size() > 0) && !isStopping()) {
      signal();
    }
  }

  private synchronized boolean isStopping() {
    return stopping;
  }

  /** Stops draining and waits for a slice in progress to end. */
  synchronized void stop() {
    stopping = true;
    boolean interrupted = false;
    while (running) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
