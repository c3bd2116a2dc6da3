package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Removes the fields of a set from a typed value, after structured-merge-diff's {@code remove.go}:
 * a member of the set goes with everything below it, a path below an element descends into it;
 * atomic lists and maps are only removed whole. A map or list left without entries is dropped
 * rather than kept as an empty value. Stateless.
 */
final class RemoveWalker {
  private RemoveWalker() {}

  /** {@code value} without the fields of {@code remove}; null when nothing is left. */
  static @Nullable JsonNode remove(
      Schema schema, Schema.TypeRef type, JsonNode value, FieldSet remove) {
    Schema.Atom atom = schema.resolve(FieldSetWalker.orDeduced(type));
    if (atom == null) {
      return value.deepCopy();
    }
    atom = Atoms.deduce(atom, value);
    if (atom.map() != null) {
      return map(schema, atom.map(), value, remove);
    }
    if (atom.scalar() != null) {
      return value.deepCopy();
    }
    if (atom.list() != null) {
      return list(schema, atom.list(), value, remove);
    }
    return value.deepCopy();
  }

  private static @Nullable JsonNode map(
      Schema schema, Schema.MapType type, JsonNode value, FieldSet remove) {
    if (!value.isObject() || value.isEmpty() || type.relationship() == Schema.Relationship.ATOMIC) {
      return null;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      PathElement pe = PathElement.field(e.getKey());
      if (remove.has(List.of(pe))) {
        continue;
      }
      FieldSet below = remove.withPrefix(pe);
      JsonNode kept =
          below.isEmpty()
              ? e.getValue().deepCopy()
              : remove(schema, type.typeOf(e.getKey()), e.getValue(), below);
      if (kept != null) {
        out.set(e.getKey(), kept);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static @Nullable JsonNode list(
      Schema schema, Schema.ListType type, JsonNode value, FieldSet remove) {
    if (!value.isArray() || value.isEmpty() || type.relationship() == Schema.Relationship.ATOMIC) {
      return null;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode item : value) {
      PathElement pe;
      try {
        pe = Atoms.itemElement(schema, type, item);
      } catch (Atoms.ItemException e) {
        out.add(item.deepCopy());
        continue;
      }
      if (remove.has(List.of(pe))) {
        continue;
      }
      FieldSet below = remove.withPrefix(pe);
      JsonNode kept =
          below.isEmpty() ? item.deepCopy() : remove(schema, type.elementType(), item, below);
      if (kept != null) {
        out.add(kept);
      }
    }
    return out.isEmpty() ? null : out;
  }
}
