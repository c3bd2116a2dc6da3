package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Merges an applied configuration into a live value, after structured-merge-diff's {@code merge.go}
 * with its keep-the-right-hand-side rule: scalars, atomic lists and maps, and lists or maps empty
 * on both sides take the configuration's value; other maps merge per key; associative lists merge
 * per item, keeping live items the configuration does not name where they were and putting the
 * configuration's items in its order. Duplicated live items are replaced by the configuration's
 * item of that key. Confined to one call.
 */
final class MergeWalker {
  private final Schema schema;
  private final List<PathElement> path = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  private MergeWalker(Schema schema) {
    this.schema = schema;
  }

  /** The merged value; null when both sides are absent. */
  static @Nullable JsonNode merge(
      Schema schema, Schema.TypeRef type, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    MergeWalker w = new MergeWalker(schema);
    JsonNode out = w.node(type, lhs, rhs);
    if (!w.errors.isEmpty()) {
      throw new SchemaException(w.errors);
    }
    return out;
  }

  private void error(String message) {
    String where = PathElement.toString(path);
    errors.add(where.isEmpty() ? message : where + ": " + message);
  }

  private @Nullable JsonNode node(
      Schema.TypeRef type, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    Schema.Atom atom = schema.resolve(FieldSetWalker.orDeduced(type));
    if (atom == null) {
      error("schema error: no type found matching: " + type.describe());
      return null;
    }
    Schema.Atom left = Atoms.deduce(atom, lhs);
    Schema.Atom right = Atoms.deduce(atom, rhs);
    if (rhs == null) {
      return handle(left, lhs, rhs);
    }
    if (lhs == null || left.shape() == right.shape()) {
      return handle(right, lhs, rhs);
    }
    handle(left, lhs, rhs);
    return handle(right, lhs, rhs);
  }

  private @Nullable JsonNode handle(
      Schema.Atom atom, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    if (atom.map() != null) {
      return map(atom.map(), lhs, rhs);
    }
    if (atom.scalar() != null) {
      String l = Atoms.scalarError(atom.scalar(), lhs, "lhs: ");
      String r = Atoms.scalarError(atom.scalar(), rhs, "rhs: ");
      if (l != null && r != null) {
        error(l);
        error(r);
        return null;
      }
      return keepRight(lhs, rhs);
    }
    if (atom.list() != null) {
      return list(atom.list(), lhs, rhs);
    }
    error("schema error: invalid atom");
    return null;
  }

  private static @Nullable JsonNode keepRight(@Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    if (rhs != null) {
      return rhs.deepCopy();
    }
    return lhs == null ? null : lhs.deepCopy();
  }

  private @Nullable JsonNode map(
      Schema.MapType type, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    JsonNode l = lhs != null && lhs.isObject() ? lhs : null;
    JsonNode r = rhs != null && rhs.isObject() ? rhs : null;
    boolean empty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
    if (type.relationship() == Schema.Relationship.ATOMIC || empty) {
      return keepRight(lhs, rhs);
    }
    Set<String> keys = new LinkedHashSet<>();
    if (l != null) {
      l.fieldNames().forEachRemaining(keys::add);
    }
    if (r != null) {
      r.fieldNames().forEachRemaining(keys::add);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String key : keys) {
      path.add(PathElement.field(key));
      JsonNode merged =
          node(type.typeOf(key), l == null ? null : l.get(key), r == null ? null : r.get(key));
      path.remove(path.size() - 1);
      if (merged != null) {
        out.set(key, merged);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private record Indexed(List<PathElement> order, Map<PathElement, JsonNode> items) {}

  private @Nullable Indexed index(
      Schema.ListType type, @Nullable JsonNode list, boolean allowDuplicates) {
    List<PathElement> order = new ArrayList<>();
    Map<PathElement, JsonNode> items = new HashMap<>();
    boolean ok = true;
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        PathElement pe;
        try {
          pe = Atoms.itemElement(schema, type, list.get(i));
        } catch (Atoms.ItemException e) {
          error("element " + i + ": " + e.getMessage());
          ok = false;
          continue;
        }
        if (items.containsKey(pe)) {
          if (!allowDuplicates) {
            error("duplicate entries for key " + pe);
            ok = false;
            continue;
          }
          // Duplicated live items do not merge with the configuration's item: they become null.
          items.put(pe, NullNode.getInstance());
        } else {
          items.put(pe, list.get(i));
        }
        order.add(pe);
      }
    }
    return ok ? new Indexed(order, items) : null;
  }

  private @Nullable JsonNode list(
      Schema.ListType type, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    JsonNode l = lhs != null && lhs.isArray() ? lhs : null;
    JsonNode r = rhs != null && rhs.isArray() ? rhs : null;
    boolean empty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
    if (type.relationship() == Schema.Relationship.ATOMIC || empty) {
      return keepRight(lhs, rhs);
    }
    Indexed right = index(type, r, false);
    Indexed left = index(type, l, true);
    if (right == null || left == null) {
      return null;
    }
    // The order of the items both sides have, as the configuration lists them.
    Deque<PathElement> shared = new ArrayDeque<>();
    for (PathElement pe : right.order()) {
      if (left.items().containsKey(pe)) {
        shared.add(pe);
      }
    }
    PathElement nextShared = shared.poll();
    Set<PathElement> mergedRight = new HashSet<>();
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    int li = 0;
    int ri = 0;
    int ln = left.order().size();
    int rn = right.order().size();
    while (li < ln || ri < rn) {
      if (li < ln && ri < rn) {
        PathElement pe = left.order().get(li);
        if (pe.equals(right.order().get(ri))) {
          mergedRight.add(pe);
          add(out, item(type, pe, left.items().get(pe), right.items().get(pe)));
          li++;
          ri++;
          nextShared = shared.poll();
          continue;
        }
        if (right.items().containsKey(pe) && nextShared != null && !nextShared.equals(pe)) {
          li++;
          continue;
        }
      }
      if (li < ln) {
        PathElement pe = left.order().get(li);
        if (!right.items().containsKey(pe)) {
          add(out, item(type, pe, l.get(li), null));
          li++;
          continue;
        } else if (mergedRight.contains(pe)) {
          li++;
        }
      }
      if (ri < rn) {
        PathElement pe = right.order().get(ri);
        mergedRight.add(pe);
        add(out, item(type, pe, left.items().get(pe), right.items().get(pe)));
        ri++;
        if (nextShared != null && nextShared.equals(pe)) {
          nextShared = shared.poll();
        }
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static void add(ArrayNode out, @Nullable JsonNode item) {
    if (item != null) {
      out.add(item);
    }
  }

  private @Nullable JsonNode item(
      Schema.ListType type, PathElement pe, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    path.add(pe);
    JsonNode out = node(type.elementType(), lhs, rhs);
    path.remove(path.size() - 1);
    return out;
  }
}
