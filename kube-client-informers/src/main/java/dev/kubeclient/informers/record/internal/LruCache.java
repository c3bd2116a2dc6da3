package dev.kubeclient.informers.record.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A map that forgets its least recently used entry beyond a size (k8s.io/utils' {@code lru.Cache}).
 * Not thread-safe.
 */
final class LruCache<K, V> {
  private final LinkedHashMap<K, V> map;

  LruCache(int maxEntries) {
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Nullable V get(K key) {
    return map.get(key);
  }

  void put(K key, V value) {
    map.put(key, value);
  }

  int size() {
    return map.size();
  }
}
