package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two walks over a typed value, after structured-merge-diff's {@code tofieldset.go} and {@code
 * validate.go}: the set of fields a value sets (every scalar; an atomic list or map as one field;
 * each associative list item by key; map entries that are null, empty or not struct fields), and
 * the check that a value fits its schema. Confined to one call.
 */
final class FieldSetWalker {
  private final Schema schema;
  private final List<PathElement> path = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final FieldSet set = new FieldSet();

  private FieldSetWalker(Schema schema) {
    this.schema = schema;
  }

  /** The fields {@code value} sets; duplicate list items count as one field each. */
  static FieldSet toFieldSet(Schema schema, Schema.TypeRef type, JsonNode value) {
    FieldSetWalker w = new FieldSetWalker(schema);
    w.fields(type, value);
    w.throwIfErrors();
    return w.set;
  }

  /** Checks that {@code value} fits its schema; duplicate list keys fail unless allowed. */
  static void validate(
      Schema schema, Schema.TypeRef type, JsonNode value, boolean allowDuplicates) {
    FieldSetWalker w = new FieldSetWalker(schema);
    w.check(type, value, allowDuplicates);
    w.throwIfErrors();
  }

  private void throwIfErrors() {
    if (!errors.isEmpty()) {
      throw new SchemaException(errors);
    }
  }

  private void error(String message) {
    String where = PathElement.toString(path);
    errors.add(where.isEmpty() ? message : where + ": " + message);
  }

  /** The type of values without a declared type: deduced, as unknown fields are not rejected. */
  static Schema.TypeRef orDeduced(Schema.TypeRef type) {
    return type.equals(Schema.TypeRef.NONE) ? Schema.TypeRef.named(Schema.DEDUCED) : type;
  }

  private Schema.Atom resolve(Schema.TypeRef type) {
    Schema.Atom atom = schema.resolve(orDeduced(type));
    if (atom == null) {
      error("schema error: no type found matching: " + type.describe());
    }
    return atom;
  }

  private void fields(Schema.TypeRef type, JsonNode value) {
    Schema.Atom atom = resolve(type);
    if (atom == null) {
      return;
    }
    atom = Atoms.deduce(atom, value);
    if (atom.map() != null) {
      Schema.MapType m = atom.map();
      if (m.relationship() == Schema.Relationship.ATOMIC) {
        set.insert(path);
      } else if (value.isObject()) {
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          path.add(PathElement.field(e.getKey()));
          JsonNode v = e.getValue();
          fields(m.typeOf(e.getKey()), v);
          if (v.isNull() || (v.isObject() && v.isEmpty()) || !m.fields().containsKey(e.getKey())) {
            set.insert(path);
          }
          path.remove(path.size() - 1);
        }
      }
    } else if (atom.scalar() != null) {
      set.insert(path);
    } else if (atom.list() != null) {
      Schema.ListType l = atom.list();
      if (l.relationship() == Schema.Relationship.ATOMIC) {
        set.insert(path);
      } else if (value.isArray()) {
        listFields(l, value);
      }
    }
  }

  private void listFields(Schema.ListType list, JsonNode value) {
    List<PathElement> elements = new ArrayList<>();
    Set<PathElement> seen = new HashSet<>();
    Set<PathElement> duplicates = new HashSet<>();
    for (int i = 0; i < value.size(); i++) {
      PathElement pe;
      try {
        pe = Atoms.itemElement(schema, list, value.get(i));
      } catch (Atoms.ItemException e) {
        error("element " + i + ": " + e.getMessage());
        elements.add(null);
        continue;
      }
      elements.add(pe);
      if (!seen.add(pe) && duplicates.add(pe)) {
        path.add(pe);
        set.insert(path);
        path.remove(path.size() - 1);
      }
    }
    for (int i = 0; i < value.size(); i++) {
      PathElement pe = elements.get(i);
      if (pe == null || duplicates.contains(pe)) {
        continue;
      }
      path.add(pe);
      fields(list.elementType(), value.get(i));
      set.insert(path);
      path.remove(path.size() - 1);
    }
  }

  private void check(Schema.TypeRef type, JsonNode value, boolean allowDuplicates) {
    Schema.Atom atom = resolve(type);
    if (atom == null) {
      return;
    }
    atom = Atoms.deduce(atom, value);
    if (atom.map() != null) {
      if (!value.isObject()) {
        if (!value.isNull()) {
          error(Atoms.kindError("", "map", value));
        }
        return;
      }
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        path.add(PathElement.field(e.getKey()));
        check(atom.map().typeOf(e.getKey()), e.getValue(), allowDuplicates);
        path.remove(path.size() - 1);
      }
    } else if (atom.scalar() != null) {
      String problem = Atoms.scalarError(atom.scalar(), value, "");
      if (problem != null) {
        error(problem);
      }
    } else if (atom.list() != null) {
      if (!value.isArray()) {
        if (!value.isNull()) {
          error(Atoms.kindError("", "list", value));
        }
        return;
      }
      checkItems(atom.list(), value, allowDuplicates);
    } else {
      error("schema error: invalid atom: " + type.describe());
    }
  }

  private void checkItems(Schema.ListType list, JsonNode value, boolean allowDuplicates) {
    Set<PathElement> keys = new HashSet<>();
    for (int i = 0; i < value.size(); i++) {
      PathElement pe;
      if (list.relationship() != Schema.Relationship.ASSOCIATIVE) {
        pe = PathElement.index(i);
      } else {
        try {
          pe = Atoms.itemElement(schema, list, value.get(i));
        } catch (Atoms.ItemException e) {
          error("element " + i + ": " + e.getMessage());
          return;
        }
        if (!keys.add(pe) && !allowDuplicates) {
          error("duplicate entries for key " + pe);
        }
      }
      path.add(pe);
      check(list.elementType(), value.get(i), allowDuplicates);
      path.remove(path.size() - 1);
    }
  }
}
