package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory equivalent of etcd plus the watch cache: buckets of objects by key, one server-wide
 * resourceVersion counter, a bounded history of changes, and the open watchers.
 *
 * <p>Design notes. Every write happens under {@link #lock}; it takes the next resourceVersion,
 * replaces the object, appends to the history and hands the event to every watcher of the bucket
 * before the lock is released. That gives the guarantees clients rely on: resourceVersions are
 * strictly increasing, each watcher sees changes in order, and a watch started from resourceVersion
 * R sees exactly the changes after R. The history keeps the last {@code historyLimit} changes; a
 * watch or continue token from before them gets 410 Expired, as after an etcd compaction. Reads
 * take the lock too, but only long enough to copy references, and serialize outside it.
 */
public final class ObjectStore {
  private final ReentrantLock lock = new ReentrantLock();

  /** Buckets by storage key; objects by {@link StoredObject#key}. Guarded by {@code lock}. */
  private final Map<String, TreeMap<String, StoredObject>> buckets = new HashMap<>();

  /** Changes in resourceVersion order, oldest first. Guarded by {@code lock}. */
  private final ArrayDeque<WatchEvent> history = new ArrayDeque<>();

  /** Watchers by bucket. Mutated under {@code lock}. */
  private final Map<String, List<Watcher>> watchers = new HashMap<>();

  private final CopyOnWriteArrayList<Watcher> allWatchers = new CopyOnWriteArrayList<>();

  /** Objects that reference an owner uid: owner uid → (bucket, key). Guarded by {@code lock}. */
  private final Map<String, Map<String, String>> dependents = new HashMap<>();

  private final int historyLimit;

  /** The last resourceVersion handed out. Guarded by {@code lock}. */
  private long resourceVersion;

  /**
   * Every change after this resourceVersion is in {@link #history}; watching from an older one gets
   * 410. Guarded by {@code lock}.
   */
  private long compactedRevision;

  /** Creates an empty store keeping at most {@code historyLimit} changes. */
  public ObjectStore(int historyLimit, long firstResourceVersion) {
    this.historyLimit = historyLimit;
    this.resourceVersion = firstResourceVersion;
    this.compactedRevision = firstResourceVersion;
  }

  /** Runs {@code action} holding the store lock, so a read-modify-write is atomic. */
  public <T> T write(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /** The current resourceVersion. */
  public long resourceVersion() {
    lock.lock();
    try {
      return resourceVersion;
    } finally {
      lock.unlock();
    }
  }

  /** The object at {@code key}, or null. */
  public @Nullable StoredObject get(String bucket, String key) {
    lock.lock();
    try {
      TreeMap<String, StoredObject> map = buckets.get(bucket);
      return map == null ? null : map.get(key);
    } finally {
      lock.unlock();
    }
  }

  /** A consistent list: the resourceVersion it was taken at and the objects in key order. */
  public record Snapshot(long resourceVersion, List<StoredObject> items) {}

  /**
   * The objects of {@code bucket} in {@code namespace} (null for all) with keys after {@code
   * afterKey} (null for all), as they were at {@code atRevision} (0 for now).
   *
   * @throws ApiError 410 when {@code atRevision} is older than the history
   */
  public Snapshot list(
      String bucket, @Nullable String namespace, @Nullable String afterKey, long atRevision) {
    lock.lock();
    try {
      long at = atRevision == 0 ? resourceVersion : atRevision;
      if (at < compactedRevision) {
        throw ApiError.expired(
            "The provided continue parameter is too old to display a consistent list result."
                + " You can start a new list without the continue parameter.");
      }
      NavigableMap<String, StoredObject> view = buckets.getOrDefault(bucket, new TreeMap<>());
      if (namespace != null) {
        view = view.subMap(namespace + "/", true, namespace + "/\uffff", true);
      }
      if (afterKey != null) {
        view = view.tailMap(afterKey, false);
      }
      if (at == resourceVersion) {
        return new Snapshot(at, new ArrayList<>(view.values()));
      }
      TreeMap<String, StoredObject> past = new TreeMap<>(view);
      // Undo the changes after "at", newest first, so the oldest one's "previous" wins.
      Iterator<WatchEvent> newestFirst = history.descendingIterator();
      while (newestFirst.hasNext()) {
        WatchEvent event = newestFirst.next();
        if (event.resourceVersion() <= at) {
          break;
        }
        String key = event.object().key();
        if (!event.bucket().equals(bucket)
            || (namespace != null && !namespace.equals(event.object().namespace()))
            || (afterKey != null && key.compareTo(afterKey) <= 0)) {
          continue;
        }
        StoredObject previous = "ADDED".equals(event.type()) ? null : event.previous();
        if (previous == null) {
          past.remove(key);
        } else {
          past.put(key, previous);
        }
      }
      return new Snapshot(at, new ArrayList<>(past.values()));
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code namespace} holds any object in any bucket. */
  public boolean namespaceEmpty(String namespace) {
    lock.lock();
    try {
      for (TreeMap<String, StoredObject> map : buckets.values()) {
        if (!map.subMap(namespace + "/", true, namespace + "/\uffff", true).isEmpty()) {
          return false;
        }
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** All (bucket, object) pairs in {@code namespace}. */
  public List<Map.Entry<String, StoredObject>> objectsIn(String namespace) {
    lock.lock();
    try {
      List<Map.Entry<String, StoredObject>> result = new ArrayList<>();
      for (Map.Entry<String, TreeMap<String, StoredObject>> bucket : buckets.entrySet()) {
        for (StoredObject o :
            bucket.getValue().subMap(namespace + "/", true, namespace + "/\uffff", true).values()) {
          result.add(Map.entry(bucket.getKey(), o));
        }
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** The (bucket, object) pairs whose ownerReferences name {@code ownerUid}. */
  public List<Map.Entry<String, StoredObject>> dependentsOf(String ownerUid) {
    lock.lock();
    try {
      List<Map.Entry<String, StoredObject>> result = new ArrayList<>();
      for (Map.Entry<String, String> e : dependents.getOrDefault(ownerUid, Map.of()).entrySet()) {
        String bucket = e.getValue();
        StoredObject o = buckets.getOrDefault(bucket, new TreeMap<>()).get(e.getKey());
        if (o != null) {
          result.add(Map.entry(bucket, o));
        }
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stores {@code tree} at the next resourceVersion (setting metadata.resourceVersion) and tells
   * the watchers. Returns the stored version.
   */
  public StoredObject put(String bucket, ObjectNode tree) {
    lock.lock();
    try {
      long rv = ++resourceVersion;
      Json.child(tree, "metadata").put("resourceVersion", Long.toString(rv));
      StoredObject stored = StoredObject.of(tree, rv);
      StoredObject previous =
          buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).put(stored.key(), stored);
      if (previous != null) {
        unindexLocked(previous);
      }
      indexLocked(bucket, stored);
      recordLocked(
          new WatchEvent(previous == null ? "ADDED" : "MODIFIED", bucket, stored, previous));
      return stored;
    } finally {
      lock.unlock();
    }
  }

  /** Removes the object at {@code key}; the DELETED event carries a new resourceVersion. */
  public @Nullable StoredObject remove(String bucket, String key) {
    lock.lock();
    try {
      TreeMap<String, StoredObject> map = buckets.get(bucket);
      StoredObject previous = map == null ? null : map.remove(key);
      if (previous == null) {
        return null;
      }
      unindexLocked(previous);
      long rv = ++resourceVersion;
      ObjectNode tree = previous.tree();
      Json.child(tree, "metadata").put("resourceVersion", Long.toString(rv));
      StoredObject last = StoredObject.of(tree, rv);
      recordLocked(new WatchEvent("DELETED", bucket, last, previous));
      return last;
    } finally {
      lock.unlock();
    }
  }

  private void indexLocked(String bucket, StoredObject o) {
    for (String owner : o.ownerUids()) {
      dependents.computeIfAbsent(owner, k -> new HashMap<>()).put(o.key(), bucket);
    }
  }

  private void unindexLocked(StoredObject o) {
    for (String owner : o.ownerUids()) {
      Map<String, String> deps = dependents.get(owner);
      if (deps != null) {
        deps.remove(o.key());
        if (deps.isEmpty()) {
          dependents.remove(owner);
        }
      }
    }
  }

  private void recordLocked(WatchEvent event) {
    history.addLast(event);
    while (history.size() > historyLimit) {
      compactedRevision = history.removeFirst().resourceVersion();
    }
    for (Watcher w : watchers.getOrDefault(event.bucket(), List.of())) {
      w.dispatch(event);
    }
  }

  /**
   * Where a watch started.
   *
   * @param resourceVersion the store's resourceVersion when the watcher was registered
   * @param initialEvents how many synthetic ADDED events for the current state were queued
   */
  public record WatchStart(long resourceVersion, int initialEvents) {}

  /**
   * Opens a watch. With {@code fromRevision} 0 it first queues ADDED for every current object in
   * scope; otherwise it replays the history after {@code fromRevision}.
   *
   * @throws ApiError 410 when {@code fromRevision} is older than the history
   */
  public WatchStart watch(Watcher watcher, long fromRevision, boolean initialState) {
    lock.lock();
    try {
      int initial = 0;
      if (initialState) {
        for (StoredObject o : buckets.getOrDefault(watcher.bucket(), new TreeMap<>()).values()) {
          if (watcher.matches(o)) {
            watcher.enqueue(new WatchEvent("ADDED", watcher.bucket(), o, null));
            initial++;
          }
        }
      } else {
        if (fromRevision < compactedRevision) {
          throw ApiError.expired(
              "too old resource version: " + fromRevision + " (" + (compactedRevision + 1) + ")");
        }
        for (WatchEvent event : history) {
          if (event.resourceVersion() > fromRevision && event.bucket().equals(watcher.bucket())) {
            watcher.dispatch(event);
          }
        }
      }
      watchers.computeIfAbsent(watcher.bucket(), b -> new ArrayList<>()).add(watcher);
      allWatchers.add(watcher);
      return new WatchStart(resourceVersion, initial);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The resourceVersion a bookmark may carry for {@code watcher}: the current one when the watcher
   * has nothing queued (so it has seen everything up to it), else -1.
   */
  public long bookmarkRevision(Watcher watcher) {
    lock.lock();
    try {
      return watcher.idle() ? resourceVersion : -1;
    } finally {
      lock.unlock();
    }
  }

  /** Unregisters a watcher whose stream ended. */
  public void unwatch(Watcher watcher) {
    lock.lock();
    try {
      List<Watcher> list = watchers.get(watcher.bucket());
      if (list != null) {
        list.remove(watcher);
      }
      allWatchers.remove(watcher);
    } finally {
      lock.unlock();
    }
  }

  /** Ends every open watch (after the events already queued). */
  public void closeAllWatches() {
    for (Watcher w : allWatchers) {
      w.close();
    }
  }

  /** Number of open watches. */
  public int watchCount() {
    return allWatchers.size();
  }

  /** Drops the whole history: watches from any earlier resourceVersion now get 410. */
  public void compact() {
    lock.lock();
    try {
      history.clear();
      compactedRevision = resourceVersion;
    } finally {
      lock.unlock();
    }
  }

  /** Removes every object (no events are sent; watches should be closed first). */
  public void wipe() {
    lock.lock();
    try {
      buckets.clear();
      dependents.clear();
      history.clear();
      // The removals happen at a revision of their own, with no history: a watch from any earlier
      // version gets 410, as from an API server whose watch cache started after the loss, so that
      // clients relist instead of keeping what was lost.
      compactedRevision = ++resourceVersion;
    } finally {
      lock.unlock();
    }
  }
}
