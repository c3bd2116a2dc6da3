package dev.kubeclient.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A mutable map that keeps its entries in insertion order in one array of alternating keys and
 * values: the holder of the small maps of a model (labels, annotations, resource requests and
 * limits, node selectors). A {@link java.util.LinkedHashMap} of three entries costs about 250 bytes
 * (the map, a 16-slot table and an entry object per pair); this costs about 60, which matters when
 * an informer cache holds several such maps per object, for 100,000s of objects.
 *
 * <p>Lookups scan the array, so the model decoders use this only up to {@link #MAX_SIZE} entries
 * and hash larger maps (ConfigMap data); a map that grows past that by hand still works, only more
 * slowly. Null keys and values are allowed, like {@code HashMap}. Not thread-safe; its iterators
 * fail fast on concurrent modification.
 *
 * @param <V> the value type
 */
public final class ArrayMap<V> extends AbstractMap<String, V> {
  /** The largest map the decoders build as an {@code ArrayMap}. */
  public static final int MAX_SIZE = 16;

  private static final Object[] EMPTY = {};

  private Object[] pairs;
  private int size;
  private int modCount;

  /** An empty map. */
  public ArrayMap() {
    this.pairs = EMPTY;
  }

  /** An empty map with room for {@code capacity} entries. */
  public ArrayMap(int capacity) {
    this.pairs = capacity == 0 ? EMPTY : new Object[capacity * 2];
  }

  /**
   * A map of the first {@code length} elements of {@code pairs} (key, value, key, value, ...); a
   * repeated key keeps its first position and its last value, as a {@code LinkedHashMap} would.
   */
  public static <V> ArrayMap<V> fromPairs(Object[] pairs, int length) {
    ArrayMap<V> map = new ArrayMap<>(length / 2);
    for (int i = 0; i < length; i += 2) {
      @SuppressWarnings("unchecked")
      V value = (V) pairs[i + 1];
      map.put((String) pairs[i], value);
    }
    return map;
  }

  private int indexOf(@Nullable Object key) {
    Object[] p = pairs;
    for (int i = 0, n = size * 2; i < n; i += 2) {
      if (Objects.equals(p[i], key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V get(@Nullable Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) pairs[i + 1];
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V put(String key, V value) {
    int i = indexOf(key);
    if (i >= 0) {
      V old = (V) pairs[i + 1];
      pairs[i + 1] = value;
      return old;
    }
    if (size * 2 == pairs.length) {
      pairs = Arrays.copyOf(pairs, Math.max(4, pairs.length * 2));
    }
    pairs[size * 2] = key;
    pairs[size * 2 + 1] = value;
    size++;
    modCount++;
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V remove(@Nullable Object key) {
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    V old = (V) pairs[i + 1];
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    int n = size * 2;
    System.arraycopy(pairs, i + 2, pairs, i, n - i - 2);
    pairs[n - 2] = null;
    pairs[n - 1] = null;
    size--;
    modCount++;
  }

  @Override
  public void clear() {
    Arrays.fill(pairs, 0, size * 2, null);
    size = 0;
    modCount++;
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new EntryIterator();
      }
    };
  }

  private final class EntryIterator implements Iterator<Map.Entry<String, V>> {
    private int next;
    private int last = -1;
    private int expectedModCount = modCount;

    @Override
    public boolean hasNext() {
      return next < size * 2;
    }

    @Override
    public Map.Entry<String, V> next() {
      if (modCount != expectedModCount) {
        throw new ConcurrentModificationException();
      }
      if (next >= size * 2) {
        throw new NoSuchElementException();
      }
      last = next;
      next += 2;
      return new Entry(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException("next() was not called, or remove() was called twice");
      }
      if (modCount != expectedModCount) {
        throw new ConcurrentModificationException();
      }
      removeAt(last);
      next = last;
      last = -1;
      expectedModCount = modCount;
    }
  }

  /** A view of one pair; setValue writes through while the map is not structurally changed. */
  private final class Entry implements Map.Entry<String, V> {
    private final int index;
    private final String key;

    Entry(int index) {
      this.index = index;
      this.key = (String) pairs[index];
    }

    @Override
    public String getKey() {
      return key;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getValue() {
      return (V) pairs[index + 1];
    }

    @Override
    public V setValue(V value) {
      V old = getValue();
      pairs[index + 1] = value;
      return old;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Map.Entry<?, ?> e
          && Objects.equals(key, e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return key + "=" + getValue();
    }
  }
}
