package dev.kubeclient.informers.record.internal;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.watch.internal.ClockWait;
import dev.kubeclient.typed.api.core.v1.Event;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue between recorders and the sink thread, and the sink thread's waits. Offering
 * never blocks. Closing lets the queue drain until a flush deadline and ends waits at once. Safe
 * for concurrent use.
 */
public final class EventQueue {
  /** What became of an offered event. */
  public enum Offer {
    /** Queued. */
    QUEUED,
    /** The queue was full. */
    FULL,
    /** The broadcaster is closed. */
    CLOSED
  }

  private final int capacity;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Guarded by {@code lock}; at most {@code capacity} events. */
  private final ArrayDeque<Event> events = new ArrayDeque<>();

  /** Guarded by {@code lock}. */
  private boolean closing;

  /** Clock time after which a closing queue stops draining. Guarded by {@code lock}. */
  private long flushDeadline;

  /** A queue of at most {@code capacity} events, timed by {@code clock}. */
  public EventQueue(int capacity, Clock clock) {
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Queues {@code event} unless the queue is full or closed. Never blocks. */
  public Offer offer(Event event) {
    lock.lock();
    try {
      if (closing) {
        return Offer.CLOSED;
      }
      if (events.size() >= capacity) {
        return Offer.FULL;
      }
      events.addLast(event);
      changed.signalAll();
      return Offer.QUEUED;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next event, waiting for one; null when closing and the queue is empty or the flush deadline
   * has passed.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public @Nullable Event take() throws InterruptedException {
    lock.lock();
    try {
      while (events.isEmpty() && !closing) {
        changed.await();
      }
      if (events.isEmpty() || (closing && clock.nanoTime() - flushDeadline >= 0)) {
        return null;
      }
      return events.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  /** Waits {@code nanos} on the clock unless closing; false when closing (now or meanwhile). */
  public boolean sleep(long nanos) {
    lock.lock();
    try {
      return ClockWait.untilDeadline(clock, changed, clock.nanoTime() + nanos, () -> closing);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Stops accepting events; what is queued may drain for {@code flushNanos} of the clock. */
  public void close(long flushNanos) {
    lock.lock();
    try {
      if (!closing) {
        closing = true;
        flushDeadline = clock.nanoTime() + flushNanos;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@link #close} was called. */
  public boolean isClosing() {
    lock.lock();
    try {
      return closing;
    } finally {
      lock.unlock();
    }
  }

  /** Removes and counts what is left. */
  public int clear() {
    lock.lock();
    try {
      int n = events.size();
      events.clear();
      return n;
    } finally {
      lock.unlock();
    }
  }
}
