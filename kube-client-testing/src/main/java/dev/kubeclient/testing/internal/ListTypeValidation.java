package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks the uniqueness that {@code x-kubernetes-list-type: set} and {@code map} (with {@code
 * x-kubernetes-list-map-keys}) promise, as apiextensions-apiserver's {@code
 * listtype.ValidateListSetsAndMaps} does: each repeated item (a set) or repeated key (a map list)
 * is a {@code Duplicate value} at the index of its second occurrence. Stateless.
 */
final class ListTypeValidation {
  private ListTypeValidation() {}

  /** The errors of the resource {@code obj} under its schema. */
  static List<FieldError> validate(@Nullable StructuralSchema schema, JsonNode obj) {
    List<FieldError> errors = new ArrayList<>();
    object(null, schema, obj, errors);
    return errors;
  }

  private static String child(@Nullable String path, String name) {
    return path == null ? name : path + "." + name;
  }

  private static void object(
      @Nullable String path, @Nullable StructuralSchema s, JsonNode obj, List<FieldError> errors) {
    if (s == null || !obj.isObject()) {
      return;
    }
    if (s.additionalProperties != null) {
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        value(
            (path == null ? "" : path) + "[" + e.getKey() + "]",
            s.additionalProperties,
            e.getValue(),
            errors);
      }
    }
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      StructuralSchema sub = s.properties.get(e.getKey());
      if (sub != null) {
        value(child(path, e.getKey()), sub, e.getValue(), errors);
      }
    }
  }

  private static void value(String path, StructuralSchema s, JsonNode v, List<FieldError> errors) {
    if (v.isArray()) {
      array(path, s, v, errors);
    } else if (v.isObject()) {
      object(path, s, v, errors);
    }
  }

  private static void array(
      String path, StructuralSchema s, JsonNode list, List<FieldError> errors) {
    if ("set".equals(s.listType)) {
      List<JsonNode> items = new ArrayList<>();
      list.forEach(items::add);
      for (int i : repeated(items)) {
        errors.add(FieldError.duplicate(path + "[" + i + "]", list.get(i)));
      }
    } else if ("map".equals(s.listType)) {
      mapList(path, s, list, errors);
    }
    if (s.items != null) {
      for (int i = 0; i < list.size(); i++) {
        value(path + "[" + i + "]", s.items, list.get(i), errors);
      }
    }
  }

  private static void mapList(
      String path, StructuralSchema s, JsonNode list, List<FieldError> errors) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode x = list.get(i);
      if (!x.isNull() && !x.isObject()) {
        errors.add(
            FieldError.invalid(
                path + "[" + i + "]", x, "must be an object for an array of list-type map"));
        return;
      }
    }
    if (list.size() <= 1) {
      return;
    }
    List<JsonNode> keys = new ArrayList<>();
    for (JsonNode x : list) {
      ObjectNode key = Json.object();
      for (String field : s.listMapKeys) {
        JsonNode k = x.isObject() ? x.get(field) : null;
        if (k != null) {
          key.set(field, k);
        }
      }
      keys.add(key);
    }
    for (int i : repeated(keys)) {
      errors.add(FieldError.duplicate(path + "[" + i + "]", keys.get(i)));
    }
  }

  /** Indices where an item repeats for the first time, as {@code validateListSet} reports them. */
  private static List<Integer> repeated(List<JsonNode> items) {
    List<Integer> result = new ArrayList<>();
    if (items.size() <= 1) {
      return result;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      int times = seen.merge(identity(items.get(i)), 1, Integer::sum);
      if (times == 2) {
        result.add(i);
      }
    }
    return result;
  }

  /** A key equal for items Go considers equal: its type and value (compound values as JSON). */
  private static String identity(JsonNode v) {
    if (v.isNumber()) {
      return GoFormat.isInt64(v) ? "i" + v.longValue() : "f" + v.doubleValue();
    }
    if (v.isTextual()) {
      return "s" + v.textValue();
    }
    if (v.isBoolean()) {
      return "b" + v.booleanValue();
    }
    if (v.isNull()) {
      return "n";
    }
    return "j" + GoFormat.json(v);
  }
}
