package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Comparisons of decoded JSON values with the semantics of Go's {@code reflect.DeepEqual} over
 * unstructured values (an int64 never equals a float64), and the enum match of kube-openapi, which
 * first converts the value to the enum value's Go type. Stateless.
 */
final class GoValues {
  private GoValues() {}

  /** {@code reflect.DeepEqual} of two decoded JSON values. */
  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      boolean ia = GoFormat.isInt64(a);
      if (ia != GoFormat.isInt64(b)) {
        return false;
      }
      return ia ? a.longValue() == b.longValue() : a.doubleValue() == b.doubleValue();
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<JsonNode> x = a.elements();
      Iterator<JsonNode> y = b.elements();
      while (x.hasNext()) {
        if (!equal(x.next(), y.next())) {
          return false;
        }
      }
      return true;
    }
    return a.getNodeType() == b.getNodeType() && a.equals(b);
  }

  /**
   * Whether {@code data} equals {@code enumValue} after Go's conversion of data to the enum value's
   * type: numbers convert between int64 and float64 (a float truncates), and an int64 converts to
   * the string of that code point, as {@code reflect.Value.Convert} does.
   */
  static boolean convertibleEqual(JsonNode data, JsonNode enumValue) {
    if (data.isNull() || enumValue.isNull()) {
      return false;
    }
    if (equal(data, enumValue)) {
      return true;
    }
    if (data.isNumber() && enumValue.isNumber()) {
      if (GoFormat.isInt64(enumValue)) {
        return (long) data.doubleValue() == enumValue.longValue();
      }
      return data.doubleValue() == enumValue.doubleValue();
    }
    if (GoFormat.isInt64(data) && data.isNumber() && enumValue.isTextual()) {
      long c = data.longValue();
      String converted =
          c >= 0 && c <= Character.MAX_CODE_POINT && !(c >= 0xD800 && c <= 0xDFFF)
              ? new String(Character.toChars((int) c))
              : "\uFFFD";
      return converted.equals(enumValue.textValue());
    }
    return false;
  }

  /** The enum values as the API server lists them: strings as they are, other values as JSON. */
  static List<String> enumStrings(@Nullable List<JsonNode> values) {
    List<String> result = new ArrayList<>();
    if (values != null) {
      for (JsonNode v : values) {
        result.add(v.isTextual() ? v.textValue() : GoFormat.json(v));
      }
    }
    return result;
  }

  /** Go's {@code %v} of a slice of decoded values: {@code [a 1 map[k:v]]}. */
  static String sprint(List<JsonNode> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(sprint(values.get(i)));
    }
    return out.append(']').toString();
  }

  static String sprint(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      v.forEach(items::add);
      return sprint(items);
    }
    if (v.isObject()) {
      List<String> keys = new ArrayList<>();
      v.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      StringBuilder out = new StringBuilder("map[");
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        out.append(keys.get(i)).append(':').append(sprint(v.get(keys.get(i))));
      }
      return out.append(']').toString();
    }
    if (v.isNull()) {
      return "<nil>";
    }
    return GoFormat.value(v);
  }
}
