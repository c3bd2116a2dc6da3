package dev.kubeclient.informers.workqueue.internal;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.workqueue.MetricsProvider;
import dev.kubeclient.informers.workqueue.QueueConfig;
import dev.kubeclient.informers.workqueue.WorkQueue;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Design notes.
 *
 * State: every item the queue knows is in `dirty` (needs processing), in `processing` (handed to a
 * worker, not yet done), or in both (added again while processing). `queue` holds, in order, the
 * dirty items that are not processing; it never holds an item twice. get() moves the head from
 * dirty to processing; done() removes from processing and, if the item is dirty, appends it.
 *
 * Waiting: workers wait on `notEmpty`, signalled once per append and broadcast on shutdown. A
 * shutDownWithDrain() waits on `idle`, broadcast when the queue and the processing set are both
 * empty and on shutDown(); two conditions, so that a signal meant for a worker never wakes the
 * drainer instead (client-go's single sync.Cond can). The metrics thread waits on `stopping`.
 *
 * Departures from client-go, each from its issue tracker: done() for an item that is not processing
 * is ignored (client-go appends it again when dirty, so the queue holds it twice and two workers
 * can take it: kubernetes/kubernetes#79934); shutDownWithDrain() waits for queued items as well as
 * processing ones, as its documentation says (kubernetes/kubernetes#141079). No pluggable storage
 * (client-go's Queue interface with Touch): the queue is always FIFO.
 */

/**
 * The work queue (client-go's {@code workqueue.Typed}); see {@link WorkQueue} for the contract.
 * Safe for concurrent use.
 *
 * @param <T> the item type
 */
public final class RealWorkQueue<T> implements WorkQueue<T> {
  private static final Logger log = LoggerFactory.getLogger(RealWorkQueue.class);

  /** How often the unfinished-work gauges are set: client-go's value. */
  public static final Duration DEFAULT_UNFINISHED_WORK_UPDATE_PERIOD = Duration.ofMillis(500);

  private final String name;
  private final Clock clock;
  private final long updatePeriodNanos;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private final Condition stopping = lock.newCondition();

  /** Dirty items that are not processing, in hand-out order, each once. Guarded by lock. */
  private final ArrayDeque<T> queue = new ArrayDeque<>();

  /** Items that need processing. Guarded by lock. */
  private final Set<T> dirty = new HashSet<>();

  /** Items handed out and not yet done. Guarded by lock. */
  private final Set<T> processing = new HashSet<>();

  /** Set once by a shutdown; adds are ignored from then on. Guarded by lock. */
  private boolean shuttingDown;

  /** Whether a shutDownWithDrain() may go on waiting; shutDown() clears it. Guarded by lock. */
  private boolean drain;

  /** Null for an unnamed queue or the no-op provider. Confined to lock. */
  private final @Nullable DefaultQueueMetrics<T> metrics;

  /** The thread setting the unfinished-work gauges; null without metrics. Set once, at creation. */
  private volatile @Nullable Thread metricsThread;

  private RealWorkQueue(
      String name, Clock clock, @Nullable DefaultQueueMetrics<T> metrics, long updatePeriodNanos) {
    this.name = name;
    this.clock = clock;
    this.metrics = metrics;
    this.updatePeriodNanos = updatePeriodNanos;
  }

  /** Creates a queue from {@code config} and starts its metrics thread if it has metrics. */
  public static <T> RealWorkQueue<T> create(QueueConfig<T> config) {
    return create(config, DEFAULT_UNFINISHED_WORK_UPDATE_PERIOD);
  }

  /** As {@link #create(QueueConfig)}, setting the unfinished-work gauges every {@code period}. */
  public static <T> RealWorkQueue<T> create(QueueConfig<T> config, Duration period) {
    checkNotNull(config, "config");
    checkArgument(!period.isNegative() && !period.isZero(), "period must be positive: %s", period);
    String name = config.name();
    MetricsProvider provider = config.metricsProvider();
    DefaultQueueMetrics<T> metrics =
        name.isEmpty() || provider == MetricsProvider.noop()
            ? null
            : new DefaultQueueMetrics<>(
                config.clock(), GuardedMetricsProvider.wrap(provider), name);
    RealWorkQueue<T> q = new RealWorkQueue<>(name, config.clock(), metrics, period.toNanos());
    if (metrics != null) {
      // The first deadline is taken here, not in the thread, so that a test advancing a fake clock
      // right after creation cannot slip in before the thread has read the time.
      long firstUpdate = q.clock.nanoTime() + q.updatePeriodNanos;
      q.metricsThread =
          QueueThreads.start(
              QueueThreads.name(name, "metrics"), () -> q.updateUnfinishedWorkLoop(firstUpdate));
    }
    return q;
  }

  @Override
  public void add(T item) {
    checkNotNull(item, "item");
    lock.lock();
    try {
      if (shuttingDown || !dirty.add(item)) {
        return;
      }
      if (metrics != null) {
        metrics.add(item);
      }
      if (processing.contains(item)) {
        return;
      }
      queue.addLast(item);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int len() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public @Nullable T get() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (queue.isEmpty() && !shuttingDown) {
        try {
          notEmpty.await();
        } catch (InterruptedException e) {
          // A signal this thread consumed must not be lost to the other workers.
          if (!queue.isEmpty()) {
            notEmpty.signal();
          }
          throw e;
        }
      }
      T item = queue.pollFirst();
      if (item == null) {
        return null;
      }
      if (metrics != null) {
        metrics.get(item);
      }
      processing.add(item);
      dirty.remove(item);
      return item;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void done(T item) {
    checkNotNull(item, "item");
    lock.lock();
    try {
      if (!processing.remove(item)) {
        log.debug("Workqueue {}: done() for an item that is not processing; ignored", name);
        return;
      }
      if (metrics != null) {
        metrics.done(item);
      }
      if (dirty.contains(item)) {
        queue.addLast(item);
        notEmpty.signal();
      } else if (processing.isEmpty() && queue.isEmpty()) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void shutDown() {
    lock.lock();
    try {
      drain = false;
      shutDownLocked();
    } finally {
      lock.unlock();
    }
    joinMetricsThread();
  }

  @Override
  public void shutDownWithDrain() throws InterruptedException {
    lock.lock();
    try {
      drain = true;
      shutDownLocked();
      while (drain && !(queue.isEmpty() && processing.isEmpty())) {
        idle.await();
      }
    } finally {
      lock.unlock();
    }
    joinMetricsThread();
  }

  private void shutDownLocked() {
    if (!shuttingDown) {
      log.debug("Workqueue {} shutting down", name.isEmpty() ? "(unnamed)" : name);
    }
    shuttingDown = true;
    notEmpty.signalAll();
    idle.signalAll();
    stopping.signalAll();
  }

  private void joinMetricsThread() {
    Thread t = metricsThread;
    if (t != null) {
      QueueThreads.join(t);
    }
  }

  @Override
  public boolean shuttingDown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }

  /** The number of items processing now; for tests and diagnostics. */
  public int processingCount() {
    lock.lock();
    try {
      return processing.size();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the calling thread holds the queue's lock; for tests of what runs under it. */
  public boolean isLockHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }

  /** The metrics thread, or null when the queue has no metrics; for lifecycle tests. */
  public @Nullable Thread metricsThread() {
    return metricsThread;
  }

  private void updateUnfinishedWorkLoop(long firstUpdate) {
    DefaultQueueMetrics<T> m = checkNotNull(metrics, "metrics");
    long next = firstUpdate;
    lock.lock();
    try {
      while (!shuttingDown) {
        long left = next - clock.nanoTime();
        if (left > 0) {
          clock.awaitNanos(stopping, left);
          continue;
        }
        m.updateUnfinishedWork();
        next = clock.nanoTime() + updatePeriodNanos;
      }
    } catch (InterruptedException e) {
      log.debug(
          "Workqueue {}: metrics thread interrupted; unfinished work no longer updated", name);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    lock.lock();
    try {
      return "WorkQueue{name="
          + name
          + ", len="
          + queue.size()
          + ", processing="
          + processing.size()
          + (shuttingDown ? ", shuttingDown" : "")
          + "}";
    } finally {
      lock.unlock();
    }
  }
}
