package dev.kubeclient.core.options;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON form of an options kind (the {@code metav1.ListOptions} document that Go's scheme
 * decodes in every group version) field by field. A field the options type cannot hold is an error,
 * not silently dropped.
 */
final class OptionsJson {
  private final String kind;
  private final Map<String, Object> json;

  OptionsJson(String kind, Map<String, Object> json, Set<String> fields) {
    this.kind = kind;
    this.json = json;
    for (String name : json.keySet()) {
      if (!name.equals("kind") && !name.equals("apiVersion") && !fields.contains(name)) {
        throw new IllegalArgumentException(kind + " has no field '" + name + "'");
      }
    }
  }

  @Nullable String string(String field) {
    Object v = json.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw wrongType(field, "a string");
  }

  @Nullable Long number(String field) {
    Object v = json.get(field);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw wrongType(field, "an integer");
  }

  @Nullable Boolean bool(String field) {
    Object v = json.get(field);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw wrongType(field, "true or false");
  }

  /** {@code dryRun}: absent, empty, or {@code ["All"]}, the only value the API defines. */
  boolean dryRun() {
    Object v = json.get("dryRun");
    if (v == null || (v instanceof List<?> l && l.isEmpty())) {
      return false;
    }
    if (v instanceof List<?> l && l.equals(List.of("All"))) {
      return true;
    }
    throw wrongType("dryRun", "[\"All\"] or empty");
  }

  private IllegalArgumentException wrongType(String field, String expected) {
    return new IllegalArgumentException(kind + " field '" + field + "' must be " + expected);
  }
}
