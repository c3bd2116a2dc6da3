package dev.kubeclient.informers.cache.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.informers.cache.IndexFunc;
import dev.kubeclient.informers.cache.ThreadSafeStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ThreadSafeStore}: client-go's {@code threadSafeMap}, a hash map and its indexes under
 * one read-write lock. Readers share the read lock; writes, including index updates (which run the
 * index functions), hold the write lock.
 *
 * @param <T> the object type
 */
public final class ThreadSafeMap<T> implements ThreadSafeStore<T> {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** Guarded by {@code lock}. */
  private HashMap<String, T> items = new HashMap<>();

  /** Guarded by {@code lock}. */
  private final StoreIndex<T> index;

  /** Creates an empty store with the given indexes. */
  public ThreadSafeMap(Map<String, ? extends IndexFunc<T>> indexers) {
    this.index = new StoreIndex<>(checkNotNull(indexers, "indexers"));
  }

  @Override
  public void add(String key, T obj) {
    update(key, obj);
  }

  @Override
  public void update(String key, T obj) {
    checkNotNull(key, "key");
    checkNotNull(obj, "obj");
    lock.writeLock().lock();
    try {
      T old = items.put(key, obj);
      try {
        index.update(old, obj, key);
      } catch (RuntimeException e) {
        restoreLocked(key, old);
        throw e;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Puts {@code old} back after a failed index update, so the map and the indexes agree. */
  private void restoreLocked(String key, @Nullable T old) {
    T failed = old == null ? items.remove(key) : items.put(key, old);
    // Rebuild this key's index entries from scratch: the failed update may have half-run.
    try {
      index.update(failed, null, key);
    } catch (RuntimeException ignored) {
      // The new object's index function failed; its entries were never added.
    }
    if (old != null) {
      index.update(null, old, key);
    }
  }

  @Override
  public void delete(String key) {
    checkNotNull(key, "key");
    lock.writeLock().lock();
    try {
      T old = items.remove(key);
      if (old != null) {
        index.update(old, null, key);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public @Nullable T get(String key) {
    lock.readLock().lock();
    try {
      return items.get(key);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<T> list() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(items.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<String> listKeys() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(items.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Number of objects. */
  public int size() {
    lock.readLock().lock();
    try {
      return items.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void replace(Map<String, ? extends T> newItems, String resourceVersion) {
    checkNotNull(newItems, "items");
    HashMap<String, T> copy = new HashMap<>(Math.max(16, (int) (newItems.size() / 0.75f) + 1));
    copy.putAll(newItems);
    lock.writeLock().lock();
    try {
      items = copy;
      index.reset();
      for (Map.Entry<String, T> e : copy.entrySet()) {
        index.update(null, e.getValue(), e.getKey());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<T> index(String indexName, T obj) {
    checkNotNull(obj, "obj");
    lock.readLock().lock();
    try {
      List<String> values = index.indexFunc(indexName).index(obj);
      Set<String> keys = new HashSet<>();
      for (String value : values) {
        index.forEachKey(indexName, value, keys::add);
      }
      List<T> out = new ArrayList<>(keys.size());
      for (String key : keys) {
        out.add(items.get(key));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<String> indexKeys(String indexName, String value) {
    lock.readLock().lock();
    try {
      List<String> keys = new ArrayList<>(index.count(indexName, value));
      index.forEachKey(indexName, value, keys::add);
      Collections.sort(keys);
      return keys;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<String> listIndexFuncValues(String indexName) {
    lock.readLock().lock();
    try {
      return index.values(indexName);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<T> byIndex(String indexName, String value) {
    lock.readLock().lock();
    try {
      List<T> out = new ArrayList<>(index.count(indexName, value));
      index.forEachKey(indexName, value, key -> out.add(items.get(key)));
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Map<String, IndexFunc<T>> getIndexers() {
    lock.readLock().lock();
    try {
      return index.indexers();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void addIndexers(Map<String, ? extends IndexFunc<T>> indexers) {
    checkNotNull(indexers, "indexers");
    lock.writeLock().lock();
    try {
      index.addIndexers(indexers);
      for (Map.Entry<String, T> e : items.entrySet()) {
        for (String name : indexers.keySet()) {
          index.updateSingle(name, null, e.getValue(), e.getKey());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
