package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The difference of two typed values, after structured-merge-diff's {@code compare.go}: which
 * fields the right-hand side added, modified and removed. Atomic lists and maps, scalars, and lists
 * or maps empty on both sides are compared whole; other maps per key and associative lists per
 * item, duplicated items as a whole. A map or list item that appears or disappears is itself added
 * or removed, besides its fields. Confined to one call.
 */
final class CompareWalker {
  /** The result: no path is in more than one set; all empty when the values are equal. */
  record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {
    /** This comparison without the paths {@code filter} drops from each set. */
    Comparison filter(java.util.function.UnaryOperator<FieldSet> filter) {
      return new Comparison(filter.apply(added), filter.apply(modified), filter.apply(removed));
    }
  }

  private final Schema schema;
  private final List<PathElement> path = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final FieldSet added = new FieldSet();
  private final FieldSet modified = new FieldSet();
  private final FieldSet removed = new FieldSet();

  private CompareWalker(Schema schema) {
    this.schema = schema;
  }

  static Comparison compare(
      Schema schema, Schema.TypeRef type, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    CompareWalker w = new CompareWalker(schema);
    w.node(type, lhs, rhs);
    if (!w.errors.isEmpty()) {
      throw new SchemaException(w.errors);
    }
    return new Comparison(w.added, w.modified, w.removed);
  }

  private void error(String message) {
    String where = PathElement.toString(path);
    errors.add(where.isEmpty() ? message : where + ": " + message);
  }

  /** One node; returns whether it was handled as a leaf (then its own add/remove is recorded). */
  private void node(Schema.TypeRef type, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    Schema.Atom atom = schema.resolve(FieldSetWalker.orDeduced(type));
    if (atom == null) {
      error("schema error: no type found matching: " + type.describe());
      return;
    }
    Schema.Atom left = Atoms.deduce(atom, lhs);
    Schema.Atom right = Atoms.deduce(atom, rhs);
    boolean leaf;
    if (rhs == null) {
      leaf = handle(left, lhs, rhs);
    } else if (lhs == null || left.shape() == right.shape()) {
      leaf = handle(right, lhs, rhs);
    } else {
      handle(left, lhs, rhs);
      leaf = handle(right, lhs, rhs);
    }
    if (!leaf) {
      if (lhs == null) {
        added.insert(path);
      } else if (rhs == null) {
        removed.insert(path);
      }
    }
  }

  private boolean handle(Schema.Atom atom, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    if (atom.map() != null) {
      return map(atom.map(), lhs, rhs);
    }
    if (atom.scalar() != null) {
      String l = Atoms.scalarError(atom.scalar(), lhs, "lhs: ");
      String r = Atoms.scalarError(atom.scalar(), rhs, "rhs: ");
      if (l != null && r != null) {
        error(l);
        error(r);
        return false;
      }
      leaf(lhs, rhs);
      return true;
    }
    if (atom.list() != null) {
      return list(atom.list(), lhs, rhs);
    }
    error("schema error: invalid atom");
    return false;
  }

  private void leaf(@Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    if (lhs == null) {
      added.insert(path);
    } else if (rhs == null) {
      removed.insert(path);
    } else if (!Values.equal(lhs, rhs)) {
      modified.insert(path);
    }
  }

  private static @Nullable JsonNode as(@Nullable JsonNode v, boolean array) {
    return v != null && (array ? v.isArray() : v.isObject()) ? v : null;
  }

  private boolean map(Schema.MapType type, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    JsonNode l = as(lhs, false);
    JsonNode r = as(rhs, false);
    boolean empty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
    if (type.relationship() == Schema.Relationship.ATOMIC || empty) {
      leaf(lhs, rhs);
      return true;
    }
    Set<String> keys = new LinkedHashSet<>();
    if (l != null) {
      l.fieldNames().forEachRemaining(keys::add);
    }
    if (r != null) {
      r.fieldNames().forEachRemaining(keys::add);
    }
    for (String key : keys) {
      path.add(PathElement.field(key));
      node(type.typeOf(key), l == null ? null : l.get(key), r == null ? null : r.get(key));
      path.remove(path.size() - 1);
    }
    return false;
  }

  private boolean list(Schema.ListType type, @Nullable JsonNode lhs, @Nullable JsonNode rhs) {
    JsonNode l = as(lhs, true);
    JsonNode r = as(rhs, true);
    boolean empty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
    if (type.relationship() == Schema.Relationship.ATOMIC || empty) {
      leaf(lhs, rhs);
      return true;
    }
    Map<PathElement, List<JsonNode>> left = index(type, l);
    Map<PathElement, List<JsonNode>> right = index(type, r);
    Set<PathElement> all = new LinkedHashSet<>(left.keySet());
    all.addAll(right.keySet());
    for (PathElement pe : all) {
      List<JsonNode> ls = left.getOrDefault(pe, List.of());
      List<JsonNode> rs = right.getOrDefault(pe, List.of());
      path.add(pe);
      if (ls.size() <= 1 && rs.size() <= 1) {
        node(type.elementType(), ls.isEmpty() ? null : ls.get(0), rs.isEmpty() ? null : rs.get(0));
      } else if (ls.size() >= 2 && rs.size() >= 2) {
        if (!sameItems(ls, rs)) {
          modified.insert(path);
        }
      } else if (ls.size() >= 2) {
        if (!rs.isEmpty()) {
          node(type.elementType(), null, rs.get(0));
        }
        removed.insert(path);
      } else {
        if (!ls.isEmpty()) {
          node(type.elementType(), ls.get(0), null);
        }
        added.insert(path);
      }
      path.remove(path.size() - 1);
    }
    return false;
  }

  private static boolean sameItems(List<JsonNode> a, List<JsonNode> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Values.equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private Map<PathElement, List<JsonNode>> index(Schema.ListType type, @Nullable JsonNode list) {
    Map<PathElement, List<JsonNode>> items = new LinkedHashMap<>();
    if (list == null) {
      return items;
    }
    for (int i = 0; i < list.size(); i++) {
      try {
        PathElement pe = Atoms.itemElement(schema, type, list.get(i));
        items.computeIfAbsent(pe, k -> new ArrayList<>()).add(list.get(i));
      } catch (Atoms.ItemException e) {
        error("element " + i + ": " + e.getMessage());
      }
    }
    return items;
  }
}
