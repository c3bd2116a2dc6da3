package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Drops the fields a structural schema does not specify, as apiextensions-apiserver's {@code
 * pruning.PruneWithOptions} does while decoding a custom resource: fields under {@code
 * x-kubernetes-preserve-unknown-fields} stay, {@code apiVersion}, {@code kind} and {@code metadata}
 * of the root and of embedded resources stay (metadata is checked on its own), and the paths of
 * dropped fields are returned sorted for {@code fieldValidation}. Stateless.
 */
final class StructuralPruning {
  private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private StructuralPruning() {}

  /** Prunes the resource {@code object} (its root is an embedded resource) in place. */
  static List<String> prune(ObjectNode object, @Nullable StructuralSchema schema) {
    List<String> unknown = new ArrayList<>();
    if (schema != null && schema.preserveUnknownFields) {
      skipPrune(object, schema, true, "", unknown);
    } else {
      pruneMap(object, schema, true, "", unknown);
    }
    Collections.sort(unknown);
    return unknown;
  }

  /** Prunes a value that is not a resource root in place; the pruned paths, sorted. */
  static List<String> pruneValue(JsonNode value, @Nullable StructuralSchema schema) {
    List<String> unknown = new ArrayList<>();
    prune(value, schema, "", unknown);
    Collections.sort(unknown);
    return unknown;
  }

  private static void prune(
      JsonNode x, @Nullable StructuralSchema s, String path, List<String> unknown) {
    if (s != null && s.preserveUnknownFields) {
      skipPrune(x, s, s.embeddedResource, path, unknown);
      return;
    }
    if (x instanceof ObjectNode map) {
      pruneMap(map, s, s != null && s.embeddedResource, path, unknown);
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        prune(array.get(i), s == null ? null : s.items, path + "[" + i + "]", unknown);
      }
    }
  }

  private static void pruneMap(
      ObjectNode map,
      @Nullable StructuralSchema s,
      boolean embedded,
      String path,
      List<String> unknown) {
    List<String> remove = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      String k = e.getKey();
      String child = path.isEmpty() ? k : path + "." + k;
      if (s == null) {
        unknown.add(child);
        remove.add(k);
        continue;
      }
      if (embedded && META_FIELDS.contains(k)) {
        continue;
      }
      StructuralSchema prop = s.properties.get(k);
      if (prop != null) {
        prune(e.getValue(), prop, child, unknown);
      } else if (s.hasAdditionalProperties) {
        prune(e.getValue(), s.additionalProperties, child, unknown);
      } else {
        if (!META_FIELDS.contains(k) || !path.isEmpty()) {
          unknown.add(child);
        }
        remove.add(k);
      }
    }
    map.remove(remove);
  }

  private static void skipPrune(
      JsonNode x,
      @Nullable StructuralSchema s,
      boolean embedded,
      String path,
      List<String> unknown) {
    if (s == null) {
      return;
    }
    if (x instanceof ObjectNode map) {
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        String k = e.getKey();
        if (embedded && META_FIELDS.contains(k)) {
          continue;
        }
        String child = path.isEmpty() ? k : path + "." + k;
        StructuralSchema prop = s.properties.get(k);
        if (prop != null) {
          prune(e.getValue(), prop, child, unknown);
        } else if (s.hasAdditionalProperties) {
          prune(e.getValue(), s.additionalProperties, child, unknown);
        }
      }
    } else if (x instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        StructuralSchema items = s.items;
        skipPrune(
            array.get(i),
            items,
            items != null && items.embeddedResource,
            path + "[" + i + "]",
            unknown);
      }
    }
  }
}
