package dev.kubeclient.informers.cache;

import dev.kubeclient.informers.cache.internal.ThreadSafeMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A concurrent, indexed map from key to object that does not know how keys are made: client-go's
 * {@code ThreadSafeStore}, the storage under every {@link Indexer}.
 *
 * <p>TL;DR caveats: never modify what {@link #get} or {@link #list} return. Objects are stored and
 * returned by reference, shared by every reader; a change would also not be re-indexed.
 *
 * <p>Safe for concurrent use (a read-write lock: many readers, one writer).
 *
 * @param <T> the object type
 */
public interface ThreadSafeStore<T> {
  /** Stores {@code obj} under {@code key}, replacing what was there. */
  void add(String key, T obj);

  /** Same as {@link #add}. */
  void update(String key, T obj);

  /** Removes the object under {@code key}, if any. */
  void delete(String key);

  /** The object under {@code key}, or null. */
  @Nullable T get(String key);

  /** Every object. */
  List<T> list();

  /** Every key. */
  List<String> listKeys();

  /** Replaces the whole content with a copy of {@code items} and rebuilds the indexes. */
  void replace(Map<String, ? extends T> items, String resourceVersion);

  /** See {@link Indexer#index}. */
  List<T> index(String indexName, T obj);

  /** See {@link Indexer#indexKeys}. */
  List<String> indexKeys(String indexName, String value);

  /** See {@link Indexer#listIndexFuncValues}. */
  List<String> listIndexFuncValues(String indexName);

  /** See {@link Indexer#byIndex}. */
  List<T> byIndex(String indexName, String value);

  /** The index functions by name. */
  Map<String, IndexFunc<T>> getIndexers();

  /** See {@link Indexer#addIndexers}. */
  void addIndexers(Map<String, ? extends IndexFunc<T>> indexers);

  /** A store with the given indexes. */
  static <T> ThreadSafeStore<T> newThreadSafeStore(Map<String, ? extends IndexFunc<T>> indexers) {
    return new ThreadSafeMap<>(indexers);
  }
}
