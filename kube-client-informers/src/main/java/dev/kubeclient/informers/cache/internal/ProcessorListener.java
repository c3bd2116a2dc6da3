package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.ResourceEventHandlerRegistration;
import java.time.Duration;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays notifications to one handler: client-go's {@code processorListener}. Where client-go uses
 * two goroutines and a ring buffer per handler, this is an unbounded buffer and a serial task on
 * the shared worker pool: {@link #add} appends and, if no task is queued or running for this
 * handler, submits one; the task delivers for a time slice, then resubmits itself if more is
 * waiting, so that busy handlers share workers fairly. An idle handler holds no thread; a blocked
 * one holds one worker and delays only itself.
 *
 * <p>Also the handler's registration (its {@link #hasSynced()}) and its resync schedule.
 *
 * <p>Thread-safe.
 *
 * @param <T> the object type
 */
final class ProcessorListener<T> implements ResourceEventHandlerRegistration, Runnable {
  private static final Logger log = LoggerFactory.getLogger(ProcessorListener.class);

  /** How long one task delivers before yielding its worker. */
  private static final long SLICE_NANOS = Duration.ofMillis(10).toNanos();

  private final ResourceEventHandler<T> handler;
  private final WorkerPool pool;
  private final Clock clock;
  private final String informerName;
  private final SyncTracker syncTracker = new SyncTracker();

  /** Notifications not yet delivered. Guarded by {@code this}. */
  private final ArrayDeque<Notification<T>> buffer = new ArrayDeque<>();

  /** Whether a delivery task is queued or running. Guarded by {@code this}. */
  private boolean scheduled;

  /** Whether delivery may begin (the processor has started). Guarded by {@code this}. */
  private boolean started;

  /** Guarded by {@code this}. */
  private boolean stopped;

  /**
   * Whether the informer's drain task is handing over a batch: delivery waits for the batch's end
   * (or {@value #MAX_HELD} notifications), so that a burst wakes the delivering worker once, not
   * once per event. Guarded by {@code this}.
   */
  private boolean held;

  /** Notifications that start delivery even while {@link #held}. */
  static final int MAX_HELD = 128;

  /** The thread delivering now, or null. Guarded by {@code this}. */
  private @Nullable Thread deliveringThread;

  final Duration requestedResyncPeriod;

  /** Guarded by {@code this}. */
  private Duration resyncPeriod;

  /** Guarded by {@code this}. */
  private long nextResyncNanos;

  ProcessorListener(
      ResourceEventHandler<T> handler,
      Duration requestedResyncPeriod,
      Duration resyncPeriod,
      WorkerPool pool,
      Clock clock,
      String informerName) {
    this.handler = handler;
    this.requestedResyncPeriod = requestedResyncPeriod;
    this.resyncPeriod = resyncPeriod;
    this.pool = pool;
    this.clock = clock;
    this.informerName = informerName;
    determineNextResync(clock.nanoTime());
  }

  @Override
  public boolean hasSynced() {
    return syncTracker.hasSynced();
  }

  SyncTracker syncTracker() {
    return syncTracker;
  }

  /** Buffers a notification and makes sure a task will deliver it. */
  void add(Notification<T> n) {
    if (n.isInitialAdd()) {
      syncTracker.start();
    }
    synchronized (this) {
      if (stopped) {
        return;
      }
      buffer.addLast(n);
      scheduleLocked();
    }
  }

  /** Lets delivery begin. */
  synchronized void start() {
    started = true;
    scheduleLocked();
  }

  /** Holds the start of delivery until {@link #release()}; see {@link #held}. */
  synchronized void hold() {
    held = true;
  }

  /** Ends a {@link #hold()} and starts delivery of what it held. */
  synchronized void release() {
    held = false;
    scheduleLocked();
  }

  private void scheduleLocked() {
    if (started
        && !stopped
        && !scheduled
        && !buffer.isEmpty()
        && (!held || buffer.size() >= MAX_HELD)) {
      scheduled = true;
      pool.execute(this);
    }
  }

  /** Delivers for one time slice. */
  @Override
  public void run() {
    long deadline = clock.nanoTime() + SLICE_NANOS;
    while (true) {
      Notification<T> n;
      synchronized (this) {
        n = stopped ? null : buffer.pollFirst();
        if (n == null) {
          scheduled = false;
          deliveringThread = null;
          notifyAll();
          return;
        }
        deliveringThread = Thread.currentThread();
      }
      try {
        n.deliverTo(handler);
      } catch (RuntimeException e) {
        log.error("informer {}: event handler {} failed on {}", informerName, handler, n.kind, e);
      } catch (Error e) {
        // The pool logs it. Release this delivery first, or the rest of the buffer would never be
        // delivered and stop() would wait for this thread forever.
        synchronized (this) {
          deliveringThread = null;
          scheduled = false;
          notifyAll();
          scheduleLocked();
        }
        throw e;
      } finally {
        if (n.isInitialAdd()) {
          syncTracker.finished();
        }
      }
      if (clock.nanoTime() - deadline >= 0) {
        synchronized (this) {
          deliveringThread = null;
          scheduled = false;
          notifyAll();
          // Yield the worker; go to the back of the line if more is waiting.
          scheduleLocked();
        }
        return;
      }
    }
  }

  /**
   * Stops delivery: drops what is buffered, interrupts a delivery in progress and waits for it to
   * end, unless called from that delivery itself.
   */
  void stop() {
    synchronized (this) {
      stopped = true;
      buffer.clear();
      Thread t = deliveringThread;
      if (t == null || t == Thread.currentThread()) {
        return;
      }
      t.interrupt();
      boolean interrupted = false;
      while (deliveringThread != null) {
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

  /** Number of notifications waiting. */
  synchronized int pending() {
    return buffer.size();
  }

  synchronized boolean shouldResync(long nowNanos) {
    return !resyncPeriod.isZero() && nowNanos - nextResyncNanos >= 0;
  }

  synchronized void determineNextResync(long nowNanos) {
    nextResyncNanos = nowNanos + resyncPeriod.toNanos();
  }

  synchronized void setResyncPeriod(Duration period) {
    resyncPeriod = period;
  }

  synchronized Duration resyncPeriod() {
    return resyncPeriod;
  }

  @Override
  public String toString() {
    return "registration of " + handler + " on informer " + informerName;
  }
}
