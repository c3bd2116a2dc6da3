package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A set of field paths as a trie, structured-merge-diff's {@code fieldpath.Set}: at each level the
 * path elements that are themselves in the set ({@code members}) and the subsets below path
 * elements ({@code children}). Its FieldsV1 form is the JSON object of {@code managedFields}: a
 * member is {@code "f:a": {}}, a child is {@code "f:a": {...}}, and a member with children carries
 * {@code ".": {}} among them.
 *
 * <p>Set operations return new sets and never change their operands; {@link #insert} changes this
 * set. Not thread-safe.
 */
public final class FieldSet {
  private final TreeSet<PathElement> members = new TreeSet<>();
  private final TreeMap<PathElement, FieldSet> children = new TreeMap<>();

  /** A new empty set. */
  public FieldSet() {}

  /** A set of {@code paths}. */
  @SafeVarargs
  public static FieldSet of(List<PathElement>... paths) {
    FieldSet s = new FieldSet();
    for (List<PathElement> p : paths) {
      s.insert(p);
    }
    return s;
  }

  /** Adds {@code path} (the empty path is ignored, as it names no field). */
  public void insert(List<PathElement> path) {
    if (path.isEmpty()) {
      return;
    }
    FieldSet s = this;
    for (int i = 0; i < path.size() - 1; i++) {
      s = s.children.computeIfAbsent(path.get(i), k -> new FieldSet());
    }
    s.members.add(path.get(path.size() - 1));
  }

  /** Whether {@code path} is a member. */
  public boolean has(List<PathElement> path) {
    if (path.isEmpty()) {
      return false;
    }
    FieldSet s = this;
    for (int i = 0; i < path.size() - 1; i++) {
      s = s.children.get(path.get(i));
      if (s == null) {
        return false;
      }
    }
    return s.members.contains(path.get(path.size() - 1));
  }

  /** Whether the set has no path at all. */
  public boolean isEmpty() {
    if (!members.isEmpty()) {
      return false;
    }
    for (FieldSet child : children.values()) {
      if (!child.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The paths below {@code pe}, without the prefix; empty when there are none. */
  public FieldSet withPrefix(PathElement pe) {
    FieldSet child = children.get(pe);
    return child == null ? new FieldSet() : child.copy();
  }

  /** Whether {@code pe} is a member at the top level. */
  boolean hasMember(PathElement pe) {
    return members.contains(pe);
  }

  /** The path elements below which this set has paths (possibly none). */
  Iterable<PathElement> childElements() {
    return children.keySet();
  }

  /** A deep copy. */
  public FieldSet copy() {
    FieldSet c = new FieldSet();
    c.members.addAll(members);
    children.forEach((pe, s) -> c.children.put(pe, s.copy()));
    return c;
  }

  /** Every path of this or {@code other}. */
  public FieldSet union(FieldSet other) {
    FieldSet r = copy();
    r.members.addAll(other.members);
    other.children.forEach(
        (pe, s) -> {
          FieldSet mine = r.children.get(pe);
          r.children.put(pe, mine == null ? s.copy() : mine.union(s));
        });
    return r;
  }

  /** The paths of both. */
  public FieldSet intersection(FieldSet other) {
    FieldSet r = new FieldSet();
    for (PathElement pe : members) {
      if (other.members.contains(pe)) {
        r.members.add(pe);
      }
    }
    children.forEach(
        (pe, s) -> {
          FieldSet theirs = other.children.get(pe);
          if (theirs != null) {
            FieldSet i = s.intersection(theirs);
            if (!i.isEmpty()) {
              r.children.put(pe, i);
            }
          }
        });
    return r;
  }

  /** The paths of this not in {@code other}; a member of {@code other} keeps its children here. */
  public FieldSet difference(FieldSet other) {
    return difference(other, false);
  }

  /** The paths of this neither in {@code other} nor below one of its members. */
  public FieldSet recursiveDifference(FieldSet other) {
    return difference(other, true);
  }

  private FieldSet difference(FieldSet other, boolean recursive) {
    FieldSet r = new FieldSet();
    for (PathElement pe : members) {
      if (!other.members.contains(pe)) {
        r.members.add(pe);
      }
    }
    children.forEach(
        (pe, s) -> {
          if (recursive && other.members.contains(pe)) {
            return;
          }
          FieldSet theirs = other.children.get(pe);
          if (theirs == null) {
            r.children.put(pe, s.copy());
          } else {
            FieldSet d = s.difference(theirs, recursive);
            if (!d.isEmpty()) {
              r.children.put(pe, d);
            }
          }
        });
    return r;
  }

  /**
   * This set plus, as members, every struct field (a field the schema names) that has children
   * here: what prune and the add-back steps of apply compare, so that a struct that only had owned
   * children counts as owned itself.
   */
  public FieldSet ensureNamedFieldsAreMembers(Schema schema, Schema.TypeRef type) {
    Schema.Atom atom = schema.resolve(type);
    FieldSet r = new FieldSet();
    r.members.addAll(members);
    for (Map.Entry<PathElement, FieldSet> e : children.entrySet()) {
      PathElement pe = e.getKey();
      Schema.TypeRef childType = Schema.TypeRef.NONE;
      String name = pe.fieldName();
      if (name != null && atom != null && atom.map() != null) {
        Schema.StructField field = atom.map().fields().get(name);
        if (field != null) {
          r.members.add(pe);
          childType = field.type();
        } else if (atom.map().elementType() != null) {
          childType = atom.map().elementType();
        }
      } else if (pe.isKey() && atom != null && atom.list() != null) {
        childType = atom.list().elementType();
      }
      r.children.put(pe, e.getValue().ensureNamedFieldsAreMembers(schema, childType));
    }
    return r;
  }

  /** Calls {@code action} with every path: this level's members first, then each child's paths. */
  public void forEachPath(Consumer<List<PathElement>> action) {
    forEachPath(new ArrayList<>(), action);
  }

  private void forEachPath(List<PathElement> prefix, Consumer<List<PathElement>> action) {
    for (PathElement pe : members) {
      List<PathElement> path = new ArrayList<>(prefix);
      path.add(pe);
      action.accept(List.copyOf(path));
    }
    children.forEach(
        (pe, s) -> {
          prefix.add(pe);
          s.forEachPath(prefix, action);
          prefix.remove(prefix.size() - 1);
        });
  }

  /** Every path, in order. */
  public List<List<PathElement>> paths() {
    List<List<PathElement>> paths = new ArrayList<>();
    forEachPath(paths::add);
    return paths;
  }

  /** The FieldsV1 object of this set, keys in structured-merge-diff's order. */
  public ObjectNode toFieldsV1() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    emit(out, false);
    return out;
  }

  private void emit(ObjectNode out, boolean self) {
    if (self && !(members.isEmpty() && children.isEmpty())) {
      out.putObject(".");
    }
    TreeSet<PathElement> all = new TreeSet<>(members);
    all.addAll(children.keySet());
    for (PathElement pe : all) {
      FieldSet child = children.get(pe);
      if (!members.contains(pe) && (child == null || child.isEmpty())) {
        continue;
      }
      ObjectNode node = out.putObject(pe.serialize());
      if (child != null) {
        child.emit(node, members.contains(pe));
      }
    }
  }

  /**
   * Reads a FieldsV1 object. Keys of unknown element types are skipped, as structured-merge-diff
   * skips them.
   *
   * @throws IllegalArgumentException naming the key or value that is not valid FieldsV1
   */
  public static FieldSet fromFieldsV1(JsonNode fields) {
    if (!fields.isObject()) {
      throw new IllegalArgumentException(
          "FieldsV1 must be a JSON object, got " + fields.getNodeType());
    }
    FieldSet set = read(fields).set;
    return set == null ? new FieldSet() : set;
  }

  private record Read(@Nullable FieldSet set, boolean member) {}

  private static Read read(JsonNode node) {
    FieldSet set = null;
    boolean member = false;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().equals(".")) {
        member = true;
        continue;
      }
      PathElement pe;
      try {
        pe = PathElement.parse(e.getKey());
      } catch (PathElement.UnknownTypeException unknown) {
        continue;
      }
      if (!e.getValue().isObject()) {
        throw new IllegalArgumentException(
            "value of " + e.getKey() + " must be a JSON object, got " + e.getValue().getNodeType());
      }
      Read child = read(e.getValue());
      if (set == null && (child.member || child.set != null)) {
        set = new FieldSet();
      }
      if (child.member) {
        set.members.add(pe);
      }
      if (child.set != null) {
        set.children.put(pe, child.set);
      }
    }
    return new Read(set, set == null || member);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FieldSet s && toFieldsV1().equals(s.toFieldsV1());
  }

  @Override
  public int hashCode() {
    return toFieldsV1().hashCode();
  }

  /** The paths, one per line. */
  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    forEachPath(p -> lines.add(PathElement.toString(p)));
    return String.join("\n", lines);
  }
}
