package dev.kubeclient.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Helpers the generated model classes call for deep copies, byte-array aware equality and redacting
 * toString. Kept out of the generated code so that each model class stays small. Static and
 * stateless: thread-safe.
 */
public final class ModelSupport {
  private static final String REDACTED = "<redacted>";

  private ModelSupport() {}

  /** A new empty map for a model's map field: compact while small, in insertion order. */
  public static <V> Map<String, V> newMap() {
    return new ArrayMap<>();
  }

  /** Copies a list, copying each element with {@code copy}; null stays null. */
  public static <T> @Nullable List<T> copyList(@Nullable List<T> list, UnaryOperator<T> copy) {
    if (list == null) {
      return null;
    }
    List<T> out = new ArrayList<>(list.size());
    for (T item : list) {
      out.add(item == null ? null : copy.apply(item));
    }
    return out;
  }

  /** Copies a map, copying each value with {@code copy}; null stays null; order is kept. */
  public static <V> @Nullable Map<String, V> copyMap(
      @Nullable Map<String, V> map, UnaryOperator<V> copy) {
    if (map == null) {
      return null;
    }
    Map<String, V> out =
        map.size() <= ArrayMap.MAX_SIZE
            ? new ArrayMap<>(map.size())
            : new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
    for (Map.Entry<String, V> e : map.entrySet()) {
      V value = e.getValue();
      out.put(e.getKey(), value == null ? null : copy.apply(value));
    }
    return out;
  }

  /** Deep-copies untyped JSON values (maps, lists and immutable scalars) as Jackson reads them. */
  @SuppressWarnings("unchecked")
  public static @Nullable Object copyJson(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return copyMap((Map<String, Object>) map, ModelSupport::copyJson);
    }
    if (value instanceof List<?> list) {
      return copyList((List<Object>) list, ModelSupport::copyJson);
    }
    return value;
  }

  /** Equality of maps with byte-array values, comparing array contents. */
  public static boolean bytesMapEquals(
      @Nullable Map<String, byte[]> a, @Nullable Map<String, byte[]> b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : a.entrySet()) {
      if (!b.containsKey(e.getKey()) || !Arrays.equals(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Hash code of a map with byte-array values, consistent with {@link #bytesMapEquals}. */
  public static int bytesMapHashCode(@Nullable Map<String, byte[]> map) {
    if (map == null) {
      return 0;
    }
    int h = 0;
    for (Map.Entry<String, byte[]> e : map.entrySet()) {
      h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
    }
    return h;
  }

  /** Whether a field's value must never be printed: its name says token or password. */
  public static boolean isSensitiveName(String jsonName) {
    String lower = jsonName.toLowerCase(Locale.ROOT);
    return lower.contains("token") || lower.contains("password");
  }

  /** Starts a toString in the form {@code Kind{field=value, ...}} that skips absent fields. */
  public static ToString toStringOf(String type) {
    return new ToString(type);
  }

  /** Builds a model's toString; prints neither nulls nor secret values. Not thread-safe. */
  public static final class ToString {
    private final StringBuilder out;
    private boolean first = true;

    private ToString(String type) {
      out = new StringBuilder(type).append('{');
    }

    /** Adds a field unless absent; redacts it when its name says token or password. */
    public ToString add(String name, @Nullable Object value) {
      if (value == null) {
        return this;
      }
      if (isSensitiveName(name)) {
        return addRaw(name, REDACTED);
      }
      if (value instanceof byte[] bytes) {
        return addRaw(name, "<" + bytes.length + " bytes>");
      }
      return addRaw(name, value);
    }

    /** Adds a field whose values are secret: only the keys of a map are printed. */
    public ToString addSecret(String name, @Nullable Object value) {
      if (value == null) {
        return this;
      }
      if (value instanceof Map<?, ?> map) {
        return addRaw(name, map.keySet() + "=" + REDACTED);
      }
      return addRaw(name, REDACTED);
    }

    /** Adds the names, never the values, of fields this model does not know. */
    public ToString addUnknown(@Nullable Map<String, Object> unknown) {
      return unknown == null ? this : addRaw("unknownFields", unknown.keySet());
    }

    private ToString addRaw(String name, Object value) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(name).append('=').append(value);
      return this;
    }

    @Override
    public String toString() {
      return out + "}";
    }
  }
}
