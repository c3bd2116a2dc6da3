package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Helpers the typed walkers share, after structured-merge-diff's {@code typed/helpers.go}: choosing
 * the part of an atom that fits a value, naming list items by key or value, and the messages of
 * values that do not fit.
 */
final class Atoms {
  private Atoms() {}

  /** A problem with one value; the walker adds the path. */
  static final class ItemException extends Exception {
    private static final long serialVersionUID = 1L;

    ItemException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The part of {@code atom} that fits {@code value}: its scalar, list or map alone, or the whole
   * atom when the value is absent, null or fits none (validation reports that later).
   */
  static Schema.Atom deduce(Schema.Atom atom, @Nullable JsonNode value) {
    if (value == null) {
      return atom;
    }
    if (value.isNumber() || value.isTextual() || value.isBoolean()) {
      if (atom.scalar() != null) {
        return new Schema.Atom(atom.scalar(), null, null);
      }
    } else if (value.isArray()) {
      if (atom.list() != null) {
        return new Schema.Atom(null, atom.list(), null);
      }
    } else if (value.isObject()) {
      if (atom.map() != null) {
        return new Schema.Atom(null, null, atom.map());
      }
    }
    return atom;
  }

  /** The path element of a list item: by key fields or, in a set, by value. */
  static PathElement itemElement(Schema schema, Schema.ListType list, JsonNode child)
      throws ItemException {
    if (list.relationship() != Schema.Relationship.ASSOCIATIVE) {
      throw new ItemException("invalid indexing of non-associative list");
    }
    if (!list.keys().isEmpty()) {
      return keyedElement(schema, list, child);
    }
    if (child.isObject()) {
      throw new ItemException("associative list without keys has an element that's a map type");
    }
    if (child.isArray()) {
      throw new ItemException("not supported: associative list with lists as elements");
    }
    if (child.isNull()) {
      throw new ItemException(
          "associative list without keys has an element that's an explicit null");
    }
    return PathElement.value(child);
  }

  private static PathElement keyedElement(Schema schema, Schema.ListType list, JsonNode child)
      throws ItemException {
    if (child.isNull()) {
      throw new ItemException("associative list with keys may not have a null element");
    }
    if (!child.isObject()) {
      throw new ItemException("associative list with keys may not have non-map elements");
    }
    List<PathElement.KeyField> fields = new ArrayList<>();
    for (String key : list.keys()) {
      JsonNode value = child.get(key);
      if (value != null) {
        fields.add(new PathElement.KeyField(key, value));
      } else {
        JsonNode fallback = keyDefault(schema, list, key);
        if (fallback != null) {
          fields.add(new PathElement.KeyField(key, fallback));
        }
      }
    }
    if (fields.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      list.keys().forEach(k -> quoted.add(Values.goQuote(k)));
      throw new ItemException(
          "associative list with keys has an element that omits all key fields ["
              + String.join(" ", quoted)
              + "] (and doesn't have default values for any key fields)");
    }
    return PathElement.key(fields);
  }

  private static @Nullable JsonNode keyDefault(Schema schema, Schema.ListType list, String key)
      throws ItemException {
    Schema.Atom item = schema.resolve(list.elementType());
    if (item == null) {
      throw new ItemException(
          "couldn't find default value for " + key + ": invalid elementType for list");
    }
    if (item.map() == null) {
      throw new ItemException(
          "couldn't find default value for "
              + key
              + ": associative list may not have non-map types");
    }
    Schema.StructField field = item.map().fields().get(key);
    return field == null ? null : field.defaultValue();
  }

  /** The error of a scalar value of the wrong kind, or null when it fits. */
  static @Nullable String scalarError(Schema.Scalar scalar, @Nullable JsonNode v, String prefix) {
    if (v == null || v.isNull()) {
      return null;
    }
    switch (scalar) {
      case NUMERIC:
        return v.isNumber() ? null : prefix + "expected numeric (int or float), got " + goType(v);
      case STRING:
        return v.isTextual() ? null : prefix + "expected string, got " + Values.goJson(v);
      case BOOLEAN:
        return v.isBoolean() ? null : prefix + "expected boolean, got " + Values.goJson(v);
      default:
        return v.isNumber() || v.isTextual() || v.isBoolean()
            ? null
            : prefix + "expected any scalar, got " + Values.goJson(v);
    }
  }

  /** The Go type name of a decoded JSON value, as {@code %T} prints it. */
  static String goType(JsonNode v) {
    if (v.isTextual()) {
      return "string";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isIntegralNumber()) {
      return "int64";
    }
    if (v.isNumber()) {
      return "float64";
    }
    if (v.isArray()) {
      return "[]interface {}";
    }
    if (v.isObject()) {
      return "map[string]interface {}";
    }
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** The message of a value that should be a map or a list and is not. */
  static String kindError(String prefix, String kind, JsonNode v) {
    return prefix + "expected " + kind + ", got " + Values.goJson(v);
  }
}
