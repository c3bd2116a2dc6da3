package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies the {@code default}s of a structural schema, as apiextensions-apiserver's {@code
 * defaulting.Default} does when it decodes a custom resource (from a request with the request
 * version's schema, from storage with the storage version's): an absent field, or a null one that
 * is not nullable, gets a copy of its default, in maps (additionalProperties) and list items too.
 * Also drops null values that are not nullable and have no default ({@code
 * PruneNonNullableNullsWithoutDefaults}). Stateless.
 */
final class StructuralDefaulting {
  private StructuralDefaulting() {}

  private static boolean nonNullableNull(@Nullable JsonNode x, @Nullable StructuralSchema s) {
    return x != null && x.isNull() && s != null && !s.nullable;
  }

  /** Defaults {@code x} in place. */
  static void apply(JsonNode x, @Nullable StructuralSchema s) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode map) {
      for (Map.Entry<String, StructuralSchema> p : s.properties.entrySet()) {
        JsonNode def = p.getValue().defaultValue;
        if (def == null) {
          continue;
        }
        JsonNode current = map.get(p.getKey());
        if (current == null || nonNullableNull(current, p.getValue())) {
          map.set(p.getKey(), def.deepCopy());
        }
      }
      List<String> keys = new ArrayList<>();
      map.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        StructuralSchema prop = s.properties.get(k);
        if (prop != null) {
          apply(map.get(k), prop);
        } else if (s.additionalProperties != null) {
          StructuralSchema ap = s.additionalProperties;
          if (nonNullableNull(map.get(k), ap) && ap.defaultValue != null) {
            map.set(k, ap.defaultValue.deepCopy());
          }
          apply(map.get(k), ap);
        }
      }
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (nonNullableNull(array.get(i), s.items) && s.items.defaultValue != null) {
          array.set(i, s.items.defaultValue.deepCopy());
        }
        apply(array.get(i), s.items);
      }
    }
  }

  /** Removes null values that are not nullable and have no default, in place. */
  static void pruneNonNullableNulls(JsonNode x, @Nullable StructuralSchema s) {
    if (x instanceof ObjectNode map) {
      List<String> remove = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        StructuralSchema field = s == null ? null : s.field(e.getKey());
        if (e.getValue().isNull()
            && field != null
            && !field.nullable
            && field.defaultValue == null) {
          remove.add(e.getKey());
        } else {
          pruneNonNullableNulls(e.getValue(), field);
        }
      }
      map.remove(remove);
    } else if (x instanceof ArrayNode array) {
      for (JsonNode item : array) {
        pruneNonNullableNulls(item, s == null ? null : s.items);
      }
    }
  }
}
