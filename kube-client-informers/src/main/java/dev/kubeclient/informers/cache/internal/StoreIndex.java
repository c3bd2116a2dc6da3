package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.informers.cache.IndexFunc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The indexes of a {@link ThreadSafeMap}: client-go's {@code storeIndex}. For each index name, a
 * map from indexed value to the keys having it. An entry with one key holds that key's string
 * directly (high-cardinality indexes such as by-owner are mostly singletons); larger entries are a
 * {@link KeySet}. Empty entries are removed, so short-lived values do not leak (kubernetes issue
 * 84959).
 *
 * <p>Not thread-safe: used under the store's lock.
 *
 * @param <T> the object type
 */
final class StoreIndex<T> {
  private final Map<String, IndexFunc<T>> indexers = new LinkedHashMap<>();

  /** Index name → indexed value → a key (String) or keys (KeySet). */
  private final Map<String, HashMap<String, Object>> indices = new HashMap<>();

  StoreIndex(Map<String, ? extends IndexFunc<T>> indexers) {
    this.indexers.putAll(indexers);
  }

  Map<String, IndexFunc<T>> indexers() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(indexers));
  }

  void reset() {
    indices.clear();
  }

  IndexFunc<T> indexFunc(String indexName) {
    IndexFunc<T> f = indexers.get(indexName);
    if (f == null) {
      throw new IllegalArgumentException(
          "index with name " + indexName + " does not exist; indexes: " + indexers.keySet());
    }
    return f;
  }

  /** Calls {@code action} with every key having {@code value} in index {@code indexName}. */
  void forEachKey(String indexName, String value, Consumer<String> action) {
    indexFunc(indexName);
    Map<String, Object> index = indices.get(indexName);
    Object entry = index == null ? null : index.get(value);
    if (entry instanceof String key) {
      action.accept(key);
    } else if (entry instanceof KeySet set) {
      set.forEach(action);
    }
  }

  int count(String indexName, String value) {
    Map<String, Object> index = indices.get(indexName);
    Object entry = index == null ? null : index.get(value);
    return entry == null ? 0 : entry instanceof KeySet set ? set.size() : 1;
  }

  List<String> values(String indexName) {
    indexFunc(indexName);
    Map<String, Object> index = indices.get(indexName);
    return index == null ? new ArrayList<>() : new ArrayList<>(index.keySet());
  }

  /** Adds index functions, failing on a name already taken. */
  void addIndexers(Map<String, ? extends IndexFunc<T>> more) {
    List<String> conflicts = new ArrayList<>();
    for (String name : more.keySet()) {
      if (indexers.containsKey(name)) {
        conflicts.add(name);
      }
    }
    if (!conflicts.isEmpty()) {
      throw new IllegalArgumentException("indexer conflict: " + conflicts);
    }
    indexers.putAll(more);
  }

  /**
   * Moves {@code key} in every index from the values of {@code oldObj} to those of {@code newObj};
   * either may be null (add, delete).
   */
  void update(@Nullable T oldObj, @Nullable T newObj, String key) {
    for (String name : indexers.keySet()) {
      updateSingle(name, oldObj, newObj, key);
    }
  }

  void updateSingle(String name, @Nullable T oldObj, @Nullable T newObj, String key) {
    IndexFunc<T> f = indexers.get(name);
    List<String> oldValues = oldObj == null ? List.of() : values(f, name, oldObj, key);
    List<String> newValues = newObj == null ? List.of() : values(f, name, newObj, key);
    if (oldValues.size() == 1
        && newValues.size() == 1
        && oldValues.get(0).equals(newValues.get(0))) {
      return;
    }
    HashMap<String, Object> index = indices.computeIfAbsent(name, n -> new HashMap<>());
    for (String v : oldValues) {
      removeKey(index, v, key);
    }
    for (String v : newValues) {
      addKey(index, v, key);
    }
  }

  private static <T> List<String> values(IndexFunc<T> f, String name, T obj, String key) {
    List<String> values;
    try {
      values = f.index(obj);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "unable to calculate an index entry for key " + key + " on index " + name, e);
    }
    if (values == null) {
      throw new IllegalStateException(
          "index function of index " + name + " returned null for key " + key);
    }
    for (String v : values) {
      if (v == null) {
        throw new IllegalStateException(
            "index function of index " + name + " returned a null value for key " + key);
      }
    }
    return values;
  }

  private static void addKey(HashMap<String, Object> index, String value, String key) {
    Object entry = index.get(value);
    if (entry == null) {
      index.put(value, key);
    } else if (entry instanceof String single) {
      if (!single.equals(key)) {
        KeySet set = new KeySet(2);
        set.add(single);
        set.add(key);
        index.put(value, set);
      }
    } else {
      ((KeySet) entry).add(key);
    }
  }

  private static void removeKey(HashMap<String, Object> index, String value, String key) {
    Object entry = index.get(value);
    if (entry instanceof String single) {
      if (single.equals(key)) {
        index.remove(value);
      }
    } else if (entry instanceof KeySet set) {
      set.remove(key);
      if (set.size() == 1) {
        index.put(value, set.toList().get(0));
      } else if (set.isEmpty()) {
        index.remove(value);
      }
    }
  }
}
