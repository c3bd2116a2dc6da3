package dev.kubeclient.core.unstructured;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The path walking behind {@link Unstructured}'s nested-field methods: apimachinery's {@code
 * unstructured} helpers ({@code NestedFieldNoCopy}, {@code SetNestedField}, {@code
 * RemoveNestedField}, ...). A path is a list of map keys; a value is "absent" when any step is
 * missing, and wrong when a step that must be a map, or the value itself, has another type. Errors
 * name the path and the types involved, never the values, which may be Secret data.
 */
final class NestedFields {
  private NestedFields() {}

  /** The value at {@code fields}, not copied; null when absent (or explicitly null). */
  static @Nullable Object find(Map<String, Object> object, String... fields) {
    checkPath(fields);
    Object current = object;
    for (int i = 0; i < fields.length; i++) {
      if (current == null) {
        return null;
      }
      if (!(current instanceof Map<?, ?> m)) {
        String at = path(fields, i - 1);
        throw new UnstructuredFieldException(
            at + " is " + typeName(current) + ", expected map", at);
      }
      current = m.get(fields[i]);
    }
    return current;
  }

  /** The value at {@code fields} when it has {@code type}; null when absent. */
  static <T> @Nullable T typed(
      Map<String, Object> object, Class<T> type, String expected, String... fields) {
    Object value = find(object, fields);
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw wrongType(fields, value, expected);
    }
    return type.cast(value);
  }

  /** The integer at {@code fields} as a long; null when absent. */
  static @Nullable Long longValue(Map<String, Object> object, String... fields) {
    Object value = find(object, fields);
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    throw wrongType(fields, value, "long");
  }

  /** The list of strings at {@code fields} (copied); null when absent. */
  static @Nullable List<String> stringList(Map<String, Object> object, String... fields) {
    List<?> list = typed(object, List.class, "list", fields);
    if (list == null) {
      return null;
    }
    List<String> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (!(item instanceof String s)) {
        throw new UnstructuredFieldException(
            path(fields, fields.length - 1)
                + "["
                + i
                + "] is "
                + typeName(item)
                + ", expected string",
            path(fields, fields.length - 1));
      }
      result.add(s);
    }
    return result;
  }

  /** The map of strings at {@code fields} (copied); null when absent. */
  static @Nullable Map<String, String> stringMap(Map<String, Object> object, String... fields) {
    Map<?, ?> map = typed(object, Map.class, "map", fields);
    if (map == null) {
      return null;
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        String at = path(fields, fields.length - 1) + "." + e.getKey();
        throw new UnstructuredFieldException(
            at + " is " + typeName(e.getValue()) + ", expected string", at);
      }
      result.put(String.valueOf(e.getKey()), s);
    }
    return result;
  }

  /**
   * Sets {@code value} at {@code fields}, creating the maps on the way.
   *
   * @throws UnstructuredFieldException when a step on the way holds something other than a map
   */
  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> object, @Nullable Object value, String... fields) {
    checkPath(fields);
    Map<String, Object> current = object;
    for (int i = 0; i < fields.length - 1; i++) {
      Object next = current.get(fields[i]);
      if (next == null) {
        Map<String, Object> created = new LinkedHashMap<>();
        current.put(fields[i], created);
        current = created;
      } else if (next instanceof Map<?, ?> m) {
        current = (Map<String, Object>) m;
      } else {
        throw new UnstructuredFieldException(
            "cannot set "
                + path(fields, fields.length - 1)
                + ": "
                + path(fields, i)
                + " is "
                + typeName(next)
                + ", expected map",
            path(fields, i));
      }
    }
    current.put(fields[fields.length - 1], value);
  }

  /** Removes the value at {@code fields}; does nothing when a step is missing or not a map. */
  static void remove(Map<String, Object> object, String... fields) {
    checkPath(fields);
    Object current = object;
    for (int i = 0; i < fields.length - 1; i++) {
      if (!(current instanceof Map<?, ?> m)) {
        return;
      }
      current = m.get(fields[i]);
    }
    if (current instanceof Map<?, ?> m) {
      m.remove(fields[fields.length - 1]);
    }
  }

  /**
   * A deep copy of a JSON value, checking that it is one: maps with string keys, lists, strings,
   * booleans, numbers and null.
   *
   * @throws IllegalArgumentException naming the offending type
   */
  static @Nullable Object copyJsonValue(@Nullable Object value, String at) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, m.size() * 2));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        checkArgument(
            e.getKey() instanceof String,
            "%s has a key of type %s: JSON object keys are strings",
            at,
            e.getKey() == null ? "null" : e.getKey().getClass().getName());
        copy.put((String) e.getKey(), copyJsonValue(e.getValue(), at + "." + e.getKey()));
      }
      return copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        copy.add(copyJsonValue(l.get(i), at + "[" + i + "]"));
      }
      return copy;
    }
    throw new IllegalArgumentException(
        at + " is a " + value.getClass().getName() + ", not a JSON value");
  }

  /** {@code .a.b.c} for the whole path. */
  static String path(String[] fields) {
    return path(fields, fields.length - 1);
  }

  /** {@code .a.b.c} for the first {@code last + 1} fields, as apimachinery's errors write paths. */
  static String path(String[] fields, int last) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= last && i < fields.length; i++) {
      b.append('.').append(fields[i]);
    }
    return b.toString();
  }

  /** The JSON type of a decoded value, for messages. */
  static String typeName(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof BigInteger) {
      return "long";
    }
    if (value instanceof Number) {
      return "double";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    return value.getClass().getSimpleName();
  }

  private static UnstructuredFieldException wrongType(
      String[] fields, Object value, String expected) {
    String at = path(fields, fields.length - 1);
    return new UnstructuredFieldException(
        at + " is " + typeName(value) + ", expected " + expected, at);
  }

  private static void checkPath(String[] fields) {
    checkNotNull(fields, "fields");
    checkArgument(fields.length > 0, "a field path needs at least one field");
    for (String f : fields) {
      checkNotNull(f, "field");
    }
  }
}
