package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer-consumer queue of changes per object: client-go's {@code DeltaFIFO}. A {@link
 * Reflector} produces; one consumer pops. Each key accumulates a list of {@link Delta}s, oldest
 * first, so that a consumer sees everything that happened to an object since it last looked, and
 * keys are handed out in the order they first entered the queue.
 *
 * <p>Semantics, as in client-go:
 *
 * <ul>
 *   <li>Two consecutive {@code DELETED} deltas of a key collapse into one, keeping the one with
 *       more information (a real final state wins over a {@link DeletedFinalStateUnknown}).
 *   <li>{@link #delete} of a key that is neither queued nor known is dropped: the relist already
 *       reported it.
 *   <li>{@link #replace} queues {@code REPLACED} (or {@code SYNC} without {@code
 *       emitDeltaTypeReplaced}) for every listed object and a {@code DELETED} tombstone for every
 *       queued or known key the list lacks.
 *   <li>{@link #resync} queues {@code SYNC} for every known object that has nothing queued.
 *   <li>{@link #hasSynced()} turns true once the first replace has been popped entirely, or at once
 *       when an add, update or delete came first.
 * </ul>
 *
 * <p>The transform function runs before the queue's lock is taken, once per object; tombstones and
 * resyncs are not transformed again. The process function of {@link #pop} runs under the lock, so
 * that it can update the known objects in step with the queue.
 *
 * <p>Safe for concurrent use. Popping from several threads would let them process different
 * versions of one object at once: use one consumer.
 *
 * @param <T> the object type
 */
public final class DeltaFIFO<T> implements Queue<T> {
  private static final Logger log = LoggerFactory.getLogger(DeltaFIFO.class);

  private final String name;
  private final KeyFunc<? super T> keyFunc;
  private final @Nullable KeyListerGetter<T> knownObjects;
  private final boolean emitDeltaTypeReplaced;
  private final @Nullable TransformFunc<T> transformer;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();

  /**
   * Deltas by key; each list is non-empty. A key is in {@code items} iff it is in {@code queue}.
   * Guarded by {@code lock}.
   */
  private final HashMap<String, List<Delta<T>>> items = new HashMap<>();

  /** Keys in the order they are handed out, without duplicates. Guarded by {@code lock}. */
  private final ArrayDeque<String> queue = new ArrayDeque<>();

  /** Whether the first replace, add, update or delete happened. Guarded by {@code lock}. */
  private boolean populated;

  /** Keys of the first replace not popped yet. Guarded by {@code lock}. */
  private int initialPopulationCount;

  /** Latched true once populated and the first batch is popped. Guarded by {@code lock}. */
  private boolean synced;

  /** Guarded by {@code lock}. */
  private boolean closed;

  private DeltaFIFO(Builder<T> b) {
    this.name = b.name;
    this.keyFunc = checkNotNull(b.keyFunction, "keyFunction");
    this.knownObjects = b.knownObjects;
    this.emitDeltaTypeReplaced = b.emitDeltaTypeReplaced;
    this.transformer = b.transformer;
  }

  /** A builder; {@link Builder#keyFunction} is required. */
  public static <T> Builder<T> newBuilder() {
    return new Builder<>();
  }

  /** The name used in log lines. */
  public String name() {
    return name;
  }

  /** The key of {@code obj}, by the queue's key function. */
  public String keyOf(T obj) {
    return keyFunc.key(obj);
  }

  @Override
  public void add(T obj) {
    queueChange(DeltaType.ADDED, obj);
  }

  @Override
  public void update(T obj) {
    queueChange(DeltaType.UPDATED, obj);
  }

  private void queueChange(DeltaType type, T obj) {
    T transformed = transform(obj);
    String key = keyFunc.key(transformed);
    lock.lock();
    try {
      markPopulatedLocked();
      queueActionLocked(key, Delta.of(type, transformed));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Queues a deletion, unless the key is neither queued nor among the known objects (a relist
   * presumably reported it already).
   */
  @Override
  public void delete(T obj) {
    T transformed = transform(obj);
    String key = keyFunc.key(transformed);
    lock.lock();
    try {
      markPopulatedLocked();
      if (!items.containsKey(key) && (knownObjects == null || knownObjects.getByKey(key) == null)) {
        return;
      }
      queueActionLocked(key, Delta.of(DeltaType.DELETED, transformed));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void replace(Collection<? extends T> list, String resourceVersion) {
    checkNotNull(list, "list");
    List<T> transformed = new ArrayList<>(list.size());
    for (T item : list) {
      transformed.add(transform(item));
    }
    DeltaType action = emitDeltaTypeReplaced ? DeltaType.REPLACED : DeltaType.SYNC;
    lock.lock();
    try {
      Set<String> keys = new HashSet<>(Math.max(16, (int) (transformed.size() / 0.75f) + 1));
      for (T item : transformed) {
        String key = keyFunc.key(item);
        keys.add(key);
        queueActionLocked(key, Delta.of(action, item));
      }
      int queuedDeletions = 0;
      // Keys queued but not listed: deleted while the watch was down.
      List<String> queuedKeys = new ArrayList<>(items.keySet());
      for (String key : queuedKeys) {
        if (keys.contains(key)) {
          continue;
        }
        List<Delta<T>> deltas = items.get(key);
        T last = deltas.get(deltas.size() - 1).object();
        queuedDeletions++;
        queueActionLocked(key, Delta.tombstone(new DeletedFinalStateUnknown<>(key, last)));
      }
      if (knownObjects != null) {
        // Keys the consumer knows, with nothing queued, that the list lacks.
        for (String key : knownObjects.listKeys()) {
          if (keys.contains(key) || items.containsKey(key)) {
            continue;
          }
          T last = knownObjects.getByKey(key);
          if (last == null) {
            log.info(
                "{}: key {} does not exist in known objects store, placing DeletedFinalStateUnknown"
                    + " marker without object",
                name,
                key);
          }
          queuedDeletions++;
          queueActionLocked(key, Delta.tombstone(new DeletedFinalStateUnknown<>(key, last)));
        }
      }
      if (!populated) {
        populated = true;
        initialPopulationCount = keys.size() + queuedDeletions;
        checkSyncedLocked();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Queues {@code SYNC} for every known object that has nothing queued. */
  @Override
  public void resync() {
    if (knownObjects == null) {
      return;
    }
    lock.lock();
    try {
      for (String key : knownObjects.listKeys()) {
        T obj = knownObjects.getByKey(key);
        if (obj == null) {
          log.info(
              "{}: key {} does not exist in known objects store, unable to queue object for sync",
              name,
              key);
          continue;
        }
        // An object with deltas queued must not be synced with its older cached state.
        String objKey = keyFunc.key(obj);
        if (items.containsKey(objKey)) {
          continue;
        }
        queueActionLocked(objKey, Delta.of(DeltaType.SYNC, obj));
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean pop(PopProcessFunc<T> process) throws InterruptedException {
    checkNotNull(process, "process");
    lock.lockInterruptibly();
    try {
      while (queue.isEmpty()) {
        if (closed) {
          return false;
        }
        notEmpty.await();
      }
      popLocked(process);
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean tryPop(PopProcessFunc<T> process) {
    checkNotNull(process, "process");
    lock.lock();
    try {
      if (queue.isEmpty()) {
        return false;
      }
      popLocked(process);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void popLocked(PopProcessFunc<T> process) {
    boolean isInInitialList = !synced;
    String key = queue.removeFirst();
    if (initialPopulationCount > 0) {
      initialPopulationCount--;
      checkSyncedLocked();
    }
    List<Delta<T>> deltas = items.remove(key);
    process.process(Collections.unmodifiableList(deltas), isInInitialList);
  }

  @Override
  public boolean hasSynced() {
    lock.lock();
    try {
      return synced;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** Number of keys queued. */
  public int size() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** The queued keys in pop order; for tests and diagnostics. */
  List<String> listKeys() {
    lock.lock();
    try {
      return new ArrayList<>(queue);
    } finally {
      lock.unlock();
    }
  }

  /** A copy of the deltas queued for {@code key}, or null; for tests and diagnostics. */
  @Nullable List<Delta<T>> getByKey(String key) {
    lock.lock();
    try {
      List<Delta<T>> d = items.get(key);
      return d == null ? null : List.copyOf(d);
    } finally {
      lock.unlock();
    }
  }

  private T transform(T obj) {
    checkNotNull(obj, "obj");
    return transformer == null ? obj : checkNotNull(transformer.transform(obj), "transformed obj");
  }

  private void markPopulatedLocked() {
    populated = true;
    checkSyncedLocked();
  }

  private void checkSyncedLocked() {
    if (populated && initialPopulationCount == 0) {
      synced = true;
    }
  }

  private void queueActionLocked(String key, Delta<T> delta) {
    List<Delta<T>> deltas = items.get(key);
    if (deltas == null) {
      deltas = new ArrayList<>(2);
      deltas.add(delta);
      items.put(key, deltas);
      queue.addLast(key);
      notEmpty.signal();
      return;
    }
    int n = deltas.size();
    Delta<T> last = deltas.get(n - 1);
    if (last.type() == DeltaType.DELETED && delta.type() == DeltaType.DELETED) {
      // Re-listing and watching can report one deletion twice: keep the more informative one.
      if (last.isTombstone()) {
        deltas.set(n - 1, delta);
      }
      return;
    }
    deltas.add(delta);
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * Options of a {@link DeltaFIFO} (client-go's {@code DeltaFIFOOptions}). Not thread-safe; the
   * built queue keeps no reference to the builder.
   *
   * @param <T> the object type
   */
  public static final class Builder<T> {
    private String name = "DeltaFIFO";
    private @Nullable KeyFunc<? super T> keyFunction;
    private @Nullable KeyListerGetter<T> knownObjects;
    private boolean emitDeltaTypeReplaced;
    private @Nullable TransformFunc<T> transformer;

    private Builder() {}

    /** The name in log lines (default {@code DeltaFIFO}). */
    public Builder<T> name(String name) {
      this.name = checkNotNull(name, "name");
      return this;
    }

    /** The key function, such as {@link KeyFunctions#metaNamespaceKeyFunc()}; required. */
    public Builder<T> keyFunction(KeyFunc<? super T> keyFunction) {
      this.keyFunction = checkNotNull(keyFunction, "keyFunction");
      return this;
    }

    /**
     * The objects the consumer knows (its cache): they decide which deletions a replace reports,
     * which deletes are dropped, and what a resync re-delivers. Without, deletions missed during a
     * relist of objects already popped go unreported.
     */
    public Builder<T> knownObjects(KeyListerGetter<T> knownObjects) {
      this.knownObjects = checkNotNull(knownObjects, "knownObjects");
      return this;
    }

    /** Emit {@code REPLACED} rather than {@code SYNC} for the objects of a replace. */
    public Builder<T> emitDeltaTypeReplaced(boolean emit) {
      this.emitDeltaTypeReplaced = emit;
      return this;
    }

    /** Transforms every object added, updated, deleted or replaced, before it is queued. */
    public Builder<T> transformer(TransformFunc<T> transformer) {
      this.transformer = checkNotNull(transformer, "transformer");
      return this;
    }

    /**
     * Builds the queue.
     *
     * @throws IllegalStateException when no key function was set
     */
    public DeltaFIFO<T> build() {
      if (keyFunction == null) {
        throw new IllegalStateException("DeltaFIFO " + name + ": keyFunction is required");
      }
      return new DeltaFIFO<>(this);
    }
  }

  /** Debug view for tests: the items map size equals the queue length. */
  boolean invariantHolds() {
    lock.lock();
    try {
      if (items.size() != queue.size()) {
        return false;
      }
      for (Map.Entry<String, List<Delta<T>>> e : items.entrySet()) {
        if (e.getValue().isEmpty()) {
          return false;
        }
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
