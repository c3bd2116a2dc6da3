package dev.kubeclient.informers.workqueue.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.workqueue.CounterMetric;
import dev.kubeclient.informers.workqueue.DelayingQueue;
import dev.kubeclient.informers.workqueue.MetricsProvider;
import dev.kubeclient.informers.workqueue.QueueConfig;
import dev.kubeclient.informers.workqueue.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes.
 *
 * client-go hands each addAfter() to its waiting goroutine through a channel of 1000 entries, so a
 * caller blocks when the channel is full. Here addAfter() puts the entry straight into the heap
 * under `lock` and wakes the waiting thread only when the earliest ready time moved earlier; it
 * never blocks beyond the lock.
 *
 * The waiting thread loops: take out every ready entry, add those to the queue with `lock`
 * released (the queue has its own lock and metrics; never nest them), then wait on `changed` until
 * the earliest entry is due, at most MAX_WAIT (client-go's heartbeat: insurance against a clock
 * that jumps). It is started by the first delayed addAfter() and ends when `stopped` is set.
 */

/**
 * The delaying queue (client-go's {@code delayingType}); see {@link DelayingQueue} for the
 * contract. Safe for concurrent use.
 *
 * @param <T> the item type
 */
public final class RealDelayingQueue<T> extends ForwardingWorkQueue<T> implements DelayingQueue<T> {
  private static final Logger log = LoggerFactory.getLogger(RealDelayingQueue.class);

  /** The longest the waiting thread sleeps without looking at the heap: client-go's maxWait. */
  static final long MAX_WAIT_NANOS = Duration.ofSeconds(10).toNanos();

  /**
   * The longest delay kept: a quarter of the nanosecond range, so that ready times compared by
   * subtraction never overflow. About 73 years, which is "never" for a work queue.
   */
  static final long MAX_DELAY_NANOS = Long.MAX_VALUE / 4;

  private final WorkQueue<T> queue;
  private final Clock clock;
  private final String name;
  private final @Nullable CounterMetric retries;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Items waiting for their time. Guarded by lock. */
  private final WaitingHeap<T> waiting = new WaitingHeap<>();

  /** Set once by a shutdown; the waiting thread ends and addAfter() drops. Guarded by lock. */
  private boolean stopped;

  /** The waiting thread, once started. Guarded by lock. */
  private @Nullable Thread thread;

  RealDelayingQueue(WorkQueue<T> queue, Clock clock, String name, @Nullable CounterMetric retries) {
    super(queue);
    this.queue = queue;
    this.clock = clock;
    this.name = name;
    this.retries = retries;
  }

  /** Creates a delaying queue over a new {@link RealWorkQueue} made from {@code config}. */
  public static <T> RealDelayingQueue<T> create(QueueConfig<T> config) {
    return create(RealWorkQueue.create(config), config);
  }

  /** Creates a delaying queue over {@code queue}, with {@code config}'s clock and metrics. */
  public static <T> RealDelayingQueue<T> create(WorkQueue<T> queue, QueueConfig<T> config) {
    checkNotNull(queue, "queue");
    checkNotNull(config, "config");
    String name = config.name();
    MetricsProvider provider = config.metricsProvider();
    CounterMetric retries =
        name.isEmpty() || provider == MetricsProvider.noop()
            ? null
            : GuardedMetricsProvider.wrap(provider).newRetriesMetric(name);
    return new RealDelayingQueue<>(queue, config.clock(), name, retries);
  }

  @Override
  public void addAfter(T item, Duration delay) {
    checkNotNull(item, "item");
    checkNotNull(delay, "delay");
    if (queue.shuttingDown()) {
      return;
    }
    if (retries != null) {
      retries.inc();
    }
    if (delay.isNegative() || delay.isZero()) {
      queue.add(item);
      return;
    }
    long delayNanos =
        delay.compareTo(Duration.ofNanos(MAX_DELAY_NANOS)) > 0 ? MAX_DELAY_NANOS : delay.toNanos();
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      boolean earlier = waiting.insert(item, clock.nanoTime() + delayNanos);
      if (thread == null) {
        thread = QueueThreads.start(QueueThreads.name(name, "delaying"), this::waitingLoop);
      } else if (earlier) {
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  private void waitingLoop() {
    List<T> ready = new ArrayList<>();
    lock.lock();
    try {
      while (!stopped) {
        long now = clock.nanoTime();
        waiting.popReady(now, ready);
        if (!ready.isEmpty()) {
          lock.unlock();
          try {
            addAll(ready);
          } finally {
            ready.clear();
            lock.lock();
          }
          continue;
        }
        long wait = waiting.isEmpty() ? MAX_WAIT_NANOS : waiting.peekReadyAt() - now;
        clock.awaitNanos(changed, Math.min(wait, MAX_WAIT_NANOS));
      }
    } catch (InterruptedException e) {
      log.warn("Workqueue {}: delaying thread interrupted; the next delayed add restarts it", name);
    } finally {
      if (stopped) {
        waiting.clear();
      } else {
        thread = null;
      }
      lock.unlock();
    }
  }

  private void addAll(List<T> ready) {
    for (T item : ready) {
      try {
        queue.add(item);
      } catch (RuntimeException e) {
        log.warn("Workqueue {}: adding a delayed item failed", name, e);
      }
    }
  }

  /** Ends the waiting thread: tells it to stop, then (when {@code join}) waits for it. */
  private void stopWaiting() {
    Thread t;
    lock.lock();
    try {
      stopped = true;
      changed.signalAll();
      t = thread;
    } finally {
      lock.unlock();
    }
    if (t != null) {
      QueueThreads.join(t);
    }
  }

  @Override
  public void shutDown() {
    super.shutDown();
    stopWaiting();
  }

  @Override
  public void shutDownWithDrain() throws InterruptedException {
    try {
      super.shutDownWithDrain();
    } finally {
      stopWaiting();
    }
  }

  /** The number of items waiting for their time; for tests and diagnostics. */
  public int waitingCount() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** The clock nanos at which {@code item} will be added, or null; for tests. */
  public @Nullable Long readyAt(T item) {
    lock.lock();
    try {
      return waiting.readyAt(item);
    } finally {
      lock.unlock();
    }
  }

  /** The waiting thread, or null before the first delayed add; for lifecycle tests. */
  public @Nullable Thread waitingThread() {
    lock.lock();
    try {
      return thread;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the calling thread holds the heap's lock; for tests of what runs under it. */
  public boolean isLockHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  /** The queue under this one. */
  public WorkQueue<T> queue() {
    return queue;
  }

  @Override
  public String toString() {
    return "DelayingQueue{" + queue + ", waiting=" + waitingCount() + "}";
  }
}
