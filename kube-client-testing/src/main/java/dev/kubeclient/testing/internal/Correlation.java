package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Finds the old value that corresponds to a part of an updated custom resource, as apiserver's
 * {@code CorrelatedObject} does for validation ratcheting: object fields by name (when the schema
 * declares the field or additionalProperties), items of a {@code x-kubernetes-list-type: map} list
 * by their map keys; nothing else correlates. Stateless.
 */
final class Correlation {
  private Correlation() {}

  /**
   * The old value of {@code field} under the object schema {@code s}, or null when there is none;
   * apiVersion and kind of the root never correlate.
   */
  static @Nullable JsonNode field(
      StructuralSchema s, @Nullable JsonNode old, String field, boolean root) {
    if (old == null
        || !old.isObject()
        || root && (field.equals("apiVersion") || field.equals("kind"))) {
      return null;
    }
    if (!s.properties.containsKey(field) && s.additionalProperties == null) {
      return null;
    }
    return old.get(field);
  }

  /** The old item of the list schema {@code s} with the same map keys as {@code item}, or null. */
  static @Nullable JsonNode item(StructuralSchema s, JsonNode oldList, JsonNode item) {
    if (!"map".equals(s.listType) || !oldList.isArray() || !item.isObject()) {
      return null;
    }
    for (JsonNode candidate : oldList) {
      if (candidate.isObject() && sameKeys(s, candidate, item)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean sameKeys(StructuralSchema s, JsonNode a, JsonNode b) {
    for (String key : s.listMapKeys) {
      JsonNode x = a.get(key);
      JsonNode y = b.get(key);
      if (x == null ? y != null : y == null || !GoValues.equal(x, y)) {
        return false;
      }
    }
    return true;
  }
}
