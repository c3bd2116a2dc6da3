package dev.kubeclient.informers.cache.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A set of store keys in one open-addressed array (linear probing, deletion by backward shift, no
 * tombstones): the compact form of one index entry. A {@code HashSet} spends about 40 bytes per key
 * on nodes; this spends 4 to 8 bytes (a reference in a table at most three-quarters full), and
 * keeps the key strings shared with the store.
 *
 * <p>Not thread-safe: used under the store's lock.
 */
final class KeySet {
  private static final int MIN_CAPACITY = 4;

  private @Nullable String[] table;
  private int size;

  KeySet(int expected) {
    int capacity = MIN_CAPACITY;
    while (capacity * 3 < expected * 4) {
      capacity <<= 1;
    }
    table = new String[capacity];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean contains(String key) {
    @Nullable String[] t = table;
    int mask = t.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String k = t[i];
      if (k == null) {
        return false;
      }
      if (k.equals(key)) {
        return true;
      }
    }
  }

  /** Adds {@code key}; returns false when it was present. */
  boolean add(String key) {
    if ((size + 1) * 4 > table.length * 3) {
      resize(table.length << 1);
    }
    @Nullable String[] t = table;
    int mask = t.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String k = t[i];
      if (k == null) {
        t[i] = key;
        size++;
        return true;
      }
      if (k.equals(key)) {
        return false;
      }
    }
  }

  /** Removes {@code key}; returns false when it was absent. */
  boolean remove(String key) {
    @Nullable String[] t = table;
    int mask = t.length - 1;
    int i = slot(key, mask);
    while (true) {
      String k = t[i];
      if (k == null) {
        return false;
      }
      if (k.equals(key)) {
        break;
      }
      i = (i + 1) & mask;
    }
    // Backward-shift: move later entries of the probe run into the hole so lookups stay correct.
    int hole = i;
    for (int j = (hole + 1) & mask; t[j] != null; j = (j + 1) & mask) {
      String k = t[j];
      int home = slot(k, mask);
      // k may move into the hole when its home is not cyclically within (hole, j].
      boolean between = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (!between) {
        t[hole] = k;
        t[j] = null;
        hole = j;
      }
    }
    t[hole] = null;
    size--;
    if (table.length > MIN_CAPACITY && size * 8 < table.length) {
      resize(table.length >> 1);
    }
    return true;
  }

  void forEach(Consumer<String> action) {
    for (String k : table) {
      if (k != null) {
        action.accept(k);
      }
    }
  }

  List<String> toList() {
    List<String> out = new ArrayList<>(size);
    forEach(out::add);
    return out;
  }

  private void resize(int capacity) {
    @Nullable String[] old = table;
    table = new String[Math.max(MIN_CAPACITY, capacity)];
    size = 0;
    for (String k : old) {
      if (k != null) {
        add(k);
      }
    }
  }

  private static int slot(String key, int mask) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x9E3779B1;
    return (h ^ (h >>> 15)) & mask;
  }

  @Override
  public String toString() {
    return "KeySet" + Arrays.toString(toList().toArray());
  }
}
