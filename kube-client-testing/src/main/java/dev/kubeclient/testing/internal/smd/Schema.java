package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A structured-merge-diff schema: named types, each an atom that is a scalar, a list, a map (a
 * struct is a map with named fields) or several of these for untyped values. How lists merge comes
 * from the list's relationship ({@code atomic}, or {@code associative} with key fields, or without
 * keys for a set of scalars) and how maps merge from the map's ({@code separable}, the default, or
 * {@code atomic}). Two predefined types stand for values without a schema: {@link #DEDUCED}
 * (granular maps, atomic lists) and {@link #UNTYPED} (atomic). Immutable and thread-safe.
 */
public final class Schema {
  /** The type of values a schema does not describe: maps merge per key, lists are atomic. */
  public static final String DEDUCED = "__untyped_deduced_";

  /** The type of atomic values of any kind. */
  public static final String UNTYPED = "__untyped_atomic_";

  /** Scalar kinds. */
  public enum Scalar {
    NUMERIC,
    STRING,
    BOOLEAN,
    UNTYPED
  }

  /** How the parts of a list or map relate: merged per part, or replaced whole. */
  public enum Relationship {
    SEPARABLE,
    ATOMIC,
    ASSOCIATIVE
  }

  /**
   * A reference to a type: by name, or inline; {@code relationship} overrides the referenced map's
   * or list's relationship ({@code x-kubernetes-map-type} on the referring field).
   */
  public record TypeRef(
      @Nullable String named, @Nullable Atom inlined, @Nullable Relationship relationship) {
    /** A reference to nothing: fields of this type are not declared. */
    public static final TypeRef NONE = new TypeRef(null, null, null);

    /** A reference to the named type. */
    public static TypeRef named(String name) {
      return new TypeRef(name, null, null);
    }

    /** An inline type. */
    public static TypeRef inline(Atom atom) {
      return new TypeRef(null, atom, null);
    }

    /** The name for messages: the type name or "inlined type". */
    String describe() {
      return named == null ? "inlined type" : named;
    }
  }

  /** A type: any of scalar, list and map may be set (all three for untyped values). */
  public record Atom(@Nullable Scalar scalar, @Nullable ListType list, @Nullable MapType map) {
    /** Which of scalar, list and map are set, as a small number for comparing atom shapes. */
    int shape() {
      return (scalar != null ? 1 : 0) | (list != null ? 2 : 0) | (map != null ? 4 : 0);
    }
  }

  /**
   * A map or struct: named fields, the type of other keys ({@link TypeRef#NONE} when there may be
   * none) and how it merges.
   */
  public record MapType(
      Map<String, StructField> fields, TypeRef elementType, Relationship relationship) {
    /** Copies the fields. */
    public MapType {
      fields = Map.copyOf(fields);
    }

    /** The type of the value at {@code key}: its field's type or the element type. */
    TypeRef typeOf(String key) {
      StructField f = fields.get(key);
      return f != null ? f.type() : elementType;
    }
  }

  /** A struct field: its type and its default value, if the schema gives one. */
  public record StructField(TypeRef type, @Nullable JsonNode defaultValue) {}

  /**
   * A list: its item type, {@link Relationship#ATOMIC} or {@link Relationship#ASSOCIATIVE}, and the
   * key fields of an associative list of maps (empty for a set of scalars).
   */
  public record ListType(TypeRef elementType, Relationship relationship, List<String> keys) {
    /** Copies the keys. */
    public ListType {
      keys = List.copyOf(keys);
    }
  }

  private static final Atom DEDUCED_ATOM =
      new Atom(
          Scalar.UNTYPED,
          new ListType(TypeRef.named(UNTYPED), Relationship.ATOMIC, List.of()),
          new MapType(Map.of(), TypeRef.named(DEDUCED), Relationship.SEPARABLE));

  private static final Atom UNTYPED_ATOM =
      new Atom(
          Scalar.UNTYPED,
          new ListType(TypeRef.named(UNTYPED), Relationship.ATOMIC, List.of()),
          new MapType(Map.of(), TypeRef.named(UNTYPED), Relationship.ATOMIC));

  private final Map<String, Atom> types;
  private final @Nullable Schema base;

  /** A schema of {@code types} that falls back to {@code base} for names it lacks. */
  public Schema(Map<String, Atom> types, @Nullable Schema base) {
    this.types = Map.copyOf(types);
    this.base = base;
  }

  /** The atom {@code ref} stands for, with its relationship override applied; null if unknown. */
  public @Nullable Atom resolve(TypeRef ref) {
    Atom atom = resolveNamed(ref);
    if (atom == null || ref.relationship() == null) {
      return atom;
    }
    if (atom.map() != null) {
      MapType m = atom.map();
      return new Atom(
          atom.scalar(), atom.list(), new MapType(m.fields(), m.elementType(), ref.relationship()));
    }
    if (atom.list() != null) {
      ListType l = atom.list();
      return new Atom(
          atom.scalar(), new ListType(l.elementType(), ref.relationship(), l.keys()), null);
    }
    return null;
  }

  private @Nullable Atom resolveNamed(TypeRef ref) {
    if (ref.inlined() != null) {
      return ref.inlined();
    }
    String name = ref.named();
    if (name == null) {
      return null;
    }
    if (name.equals(DEDUCED)) {
      return DEDUCED_ATOM;
    }
    if (name.equals(UNTYPED)) {
      return UNTYPED_ATOM;
    }
    Atom atom = types.get(name);
    if (atom == null && base != null) {
      return base.resolveNamed(ref);
    }
    return atom;
  }

  /** Whether the schema (or its base) defines {@code name}. */
  public boolean defines(String name) {
    return types.containsKey(name) || (base != null && base.defines(name));
  }
}
