package dev.kubeclient.informers.cache;

import dev.kubeclient.informers.cache.internal.DefaultIndexer;
import java.util.List;
import java.util.Map;

/**
 * A {@link Store} with named indexes: client-go's {@code Indexer}. Three kinds of strings meet
 * here: a storage key ({@code ns/name}), an index name ({@code "namespace"}) and an indexed value
 * that an {@link IndexFunc} computes from an object.
 *
 * <p>Safe for concurrent use: readers run in parallel with each other and with one writer's
 * waiting. Objects are shared: treat everything returned as read-only. Lookups of an unknown index
 * name throw {@link IllegalArgumentException}.
 *
 * @param <T> the object type
 */
public interface Indexer<T> extends Store<T> {
  /** The objects sharing at least one value of index {@code indexName} with {@code obj}. */
  List<T> index(String indexName, T obj);

  /**
   * The keys of the objects whose values of index {@code indexName} include {@code value}, sorted.
   */
  List<String> indexKeys(String indexName, String value);

  /** Every value index {@code indexName} holds now. */
  List<String> listIndexFuncValues(String indexName);

  /** The objects whose values of index {@code indexName} include {@code value}. */
  List<T> byIndex(String indexName, String value);

  /** The index functions by name. */
  Map<String, IndexFunc<T>> getIndexers();

  /**
   * Adds index functions; objects already stored are indexed at once.
   *
   * @throws IllegalArgumentException when a name is already taken
   */
  void addIndexers(Map<String, ? extends IndexFunc<T>> indexers);

  /** An indexer over a hash map and a read-write lock, keyed by {@code keyFunc}. */
  static <T> Indexer<T> newIndexer(
      KeyFunc<? super T> keyFunc, Map<String, ? extends IndexFunc<T>> indexers) {
    return new DefaultIndexer<T>(keyFunc, indexers, null);
  }
}
