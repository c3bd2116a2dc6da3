package dev.kubeclient.informers.workqueue.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The items of a delaying queue that are not ready yet (client-go's {@code waitForPriorityQueue}
 * with its {@code waitingEntryByData} map): a binary min-heap on ready time, with an index from
 * item to entry so that adding an item already waiting only ever moves its time earlier.
 *
 * <p>Times are clock nanoseconds and are compared by subtraction, as {@link System#nanoTime()}
 * values must be. Entries ready at the same time come out in the order they were inserted.
 *
 * <p>Not thread-safe: the owning queue guards it with its lock.
 *
 * @param <T> the item type
 */
final class WaitingHeap<T> {
  private static final class Entry<T> {
    final T item;
    long readyAt;
    final long seq;
    int index;

    Entry(T item, long readyAt, long seq) {
      this.item = item;
      this.readyAt = readyAt;
      this.seq = seq;
    }
  }

  /** heap[0..size) is a min-heap on (readyAt, seq); heap[i].index == i. */
  @SuppressWarnings("unchecked")
  private Entry<T>[] heap = (Entry<T>[]) new Entry<?>[16];

  private int size;

  /** An item is a key here iff its entry is in heap[0..size). */
  private final Map<T, Entry<T>> byItem = new HashMap<>();

  /** Insertion counter, the tie-breaker that keeps equal ready times in FIFO order. */
  private long nextSeq;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The earliest ready time; only when not empty. */
  long peekReadyAt() {
    return heap[0].readyAt;
  }

  /**
   * Adds {@code item} to become ready at {@code readyAt}; an item already waiting keeps the earlier
   * of its two times. Returns whether the earliest ready time of the heap moved earlier (the waiter
   * must then wake up to wait less).
   */
  boolean insert(T item, long readyAt) {
    long earliestBefore = size == 0 ? 0 : heap[0].readyAt;
    boolean wasEmpty = size == 0;
    Entry<T> existing = byItem.get(item);
    if (existing != null) {
      if (readyAt - existing.readyAt >= 0) {
        return false;
      }
      existing.readyAt = readyAt;
      siftUp(existing.index);
    } else {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      Entry<T> e = new Entry<>(item, readyAt, nextSeq++);
      byItem.put(item, e);
      e.index = size;
      heap[size++] = e;
      siftUp(e.index);
    }
    return wasEmpty || heap[0].readyAt - earliestBefore < 0;
  }

  /** Moves every entry ready at {@code now} (ready time not after it) to {@code out}, in order. */
  void popReady(long now, List<T> out) {
    while (size > 0 && heap[0].readyAt - now <= 0) {
      Entry<T> e = heap[0];
      removeAt(0);
      byItem.remove(e.item);
      out.add(e.item);
    }
  }

  /** Drops every entry, letting go of the items. */
  void clear() {
    Arrays.fill(heap, 0, size, null);
    size = 0;
    byItem.clear();
  }

  /** The ready time of {@code item} if it is waiting; for tests. */
  @Nullable Long readyAt(T item) {
    Entry<T> e = byItem.get(item);
    return e == null ? null : e.readyAt;
  }

  private void removeAt(int i) {
    size--;
    Entry<T> last = heap[size];
    heap[size] = null;
    if (i < size) {
      heap[i] = last;
      last.index = i;
      siftDown(i);
      siftUp(last.index);
    }
  }

  private static boolean less(Entry<?> a, Entry<?> b) {
    long d = a.readyAt - b.readyAt;
    return d < 0 || (d == 0 && a.seq < b.seq);
  }

  private void siftUp(int i) {
    Entry<T> e = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Entry<T> p = heap[parent];
      if (!less(e, p)) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = e;
    e.index = i;
  }

  private void siftDown(int i) {
    Entry<T> e = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && less(heap[right], heap[child])) {
        child = right;
      }
      if (!less(heap[child], e)) {
        break;
      }
      heap[i] = heap[child];
      heap[i].index = i;
      i = child;
    }
    heap[i] = e;
    e.index = i;
  }
}
