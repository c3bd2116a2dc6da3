package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The bookkeeping of a queue stress test over integer keys. Producers call {@link #added} before
 * adding a key, which bumps the key's version; workers call {@link #process} between {@code get}
 * and {@code done}, which records the version seen and notes a key held by two workers at once.
 *
 * <p>Whatever the interleaving, the work queue's rule guarantees a processing that starts after a
 * key's last add, so once the queue is idle every key's processed version equals its added version
 * when no add was lost ({@link #allProcessed()}).
 */
final class KeyLedger {
  private final AtomicLongArray added;
  private final AtomicLongArray processed;
  private final Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
  private final AtomicLong processings = new AtomicLong();

  KeyLedger(int keys) {
    this.added = new AtomicLongArray(keys);
    this.processed = new AtomicLongArray(keys);
  }

  /** Called by a producer just before it adds {@code key}. */
  void added(int key) {
    added.incrementAndGet(key);
  }

  /** Called by a worker holding {@code key}. */
  void process(int key) {
    if (!inFlight.add(key)) {
      violations.add("key " + key + " held by two workers");
    }
    processed.set(key, added.get(key));
    processings.incrementAndGet();
    // Hold the key a little, so that a second worker taking it would overlap.
    Thread.yield();
    inFlight.remove(key);
  }

  /** Whether every key's last processing saw its last add. */
  boolean allProcessed() {
    for (int key = 0; key < added.length(); key++) {
      if (processed.get(key) != added.get(key)) {
        return false;
      }
    }
    return true;
  }

  long processings() {
    return processings.get();
  }

  /** Asserts no key was shared by two workers and none lost an add; returns the adds counted. */
  long assertNothingSharedOrLost() {
    assertThat(violations).isEmpty();
    long total = 0;
    for (int key = 0; key < added.length(); key++) {
      total += added.get(key);
      assertThat(processed.get(key))
          .as("last processed version of key %s", key)
          .isEqualTo(added.get(key));
    }
    return total;
  }
}
