package dev.kubeclient.informers.cache.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.informers.cache.IndexFunc;
import dev.kubeclient.informers.cache.Indexer;
import dev.kubeclient.informers.cache.KeyFunc;
import dev.kubeclient.informers.cache.TransformFunc;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Indexer} (and plain store): client-go's {@code cache}, a {@link ThreadSafeMap} plus a
 * key function and an optional transform.
 *
 * @param <T> the object type
 */
public final class DefaultIndexer<T> implements Indexer<T> {
  private final KeyFunc<? super T> keyFunc;
  private final ThreadSafeMap<T> storage;
  private final @Nullable TransformFunc<T> transformer;

  /** Creates an empty indexer. */
  public DefaultIndexer(
      KeyFunc<? super T> keyFunc,
      Map<String, ? extends IndexFunc<T>> indexers,
      @Nullable TransformFunc<T> transformer) {
    this.keyFunc = checkNotNull(keyFunc, "keyFunc");
    this.storage = new ThreadSafeMap<>(indexers);
    this.transformer = transformer;
  }

  private T transform(T obj) {
    checkNotNull(obj, "obj");
    return transformer == null ? obj : transformer.transform(obj);
  }

  @Override
  public void add(T obj) {
    T t = transform(obj);
    storage.add(keyFunc.key(t), t);
  }

  @Override
  public void update(T obj) {
    T t = transform(obj);
    storage.update(keyFunc.key(t), t);
  }

  @Override
  public void delete(T obj) {
    storage.delete(keyFunc.key(obj));
  }

  /** Removes the object under {@code key}: the deletion of a tombstone, which has only a key. */
  public void deleteByKey(String key) {
    storage.delete(key);
  }

  @Override
  public List<T> list() {
    return storage.list();
  }

  @Override
  public List<String> listKeys() {
    return storage.listKeys();
  }

  /** Number of objects. */
  public int size() {
    return storage.size();
  }

  @Override
  public @Nullable T get(T obj) {
    return storage.get(keyFunc.key(obj));
  }

  @Override
  public @Nullable T getByKey(String key) {
    return storage.get(checkNotNull(key, "key"));
  }

  @Override
  public void replace(Collection<? extends T> list, String resourceVersion) {
    checkNotNull(list, "list");
    Map<String, T> items = new HashMap<>(Math.max(16, (int) (list.size() / 0.75f) + 1));
    for (T item : list) {
      T t = transform(item);
      items.put(keyFunc.key(t), t);
    }
    storage.replace(items, resourceVersion);
  }

  @Override
  public void resync() {}

  @Override
  public List<T> index(String indexName, T obj) {
    return storage.index(indexName, obj);
  }

  @Override
  public List<String> indexKeys(String indexName, String value) {
    return storage.indexKeys(indexName, value);
  }

  @Override
  public List<String> listIndexFuncValues(String indexName) {
    return storage.listIndexFuncValues(indexName);
  }

  @Override
  public List<T> byIndex(String indexName, String value) {
    return storage.byIndex(indexName, value);
  }

  @Override
  public Map<String, IndexFunc<T>> getIndexers() {
    return storage.getIndexers();
  }

  @Override
  public void addIndexers(Map<String, ? extends IndexFunc<T>> indexers) {
    storage.addIndexers(indexers);
  }
}
