package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a field path, structured-merge-diff's {@code PathElement}: a field of a map or struct
 * ({@code .name}, serialized {@code f:name}), the item of an associative list with these key values
 * ({@code [name="a"]}, {@code k:{"name":"a"}}), the item of a set with this value ({@code [="a"]},
 * {@code v:"a"}) or the item of an atomic list at an index ({@code [0]}, {@code i:0}). Ordered as
 * structured-merge-diff orders them: fields, then keys, then values, then indexes. Immutable.
 */
public final class PathElement implements Comparable<PathElement> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int FIELD = 0;
  private static final int KEY = 1;
  private static final int VALUE = 2;
  private static final int INDEX = 3;

  /** One key field of an associative list item. */
  public record KeyField(String name, JsonNode value) {}

  private final int kind;
  private final @Nullable String field;
  private final List<KeyField> key;
  private final @Nullable JsonNode value;
  private final int index;

  private PathElement(
      int kind, @Nullable String field, List<KeyField> key, @Nullable JsonNode value, int index) {
    this.kind = kind;
    this.field = field;
    this.key = key;
    this.value = value;
    this.index = index;
  }

  /** The field {@code name}. */
  public static PathElement field(String name) {
    return new PathElement(FIELD, name, List.of(), null, 0);
  }

  /** The associative list item with these key values (sorted here by name). */
  public static PathElement key(List<KeyField> fields) {
    List<KeyField> sorted = new ArrayList<>(fields);
    sorted.sort(Comparator.comparing(KeyField::name));
    return new PathElement(KEY, null, List.copyOf(sorted), null, 0);
  }

  /** The set item {@code value}. */
  public static PathElement value(JsonNode value) {
    return new PathElement(VALUE, null, List.of(), value, 0);
  }

  /** The atomic list item at {@code index}. */
  public static PathElement index(int index) {
    return new PathElement(INDEX, null, List.of(), null, index);
  }

  /** The field name, or null when this is not a field. */
  public @Nullable String fieldName() {
    return field;
  }

  /** Whether this selects an associative list item by key. */
  public boolean isKey() {
    return kind == KEY;
  }

  /** The key fields of a key element, sorted by name; empty otherwise. */
  public List<KeyField> keyFields() {
    return key;
  }

  @Override
  public int compareTo(PathElement o) {
    if (kind != o.kind) {
      return Integer.compare(kind, o.kind);
    }
    switch (kind) {
      case FIELD:
        return Objects.requireNonNull(field).compareTo(Objects.requireNonNull(o.field));
      case KEY:
        for (int i = 0; i < Math.min(key.size(), o.key.size()); i++) {
          int c = key.get(i).name().compareTo(o.key.get(i).name());
          if (c == 0) {
            c = Values.compare(key.get(i).value(), o.key.get(i).value());
          }
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(key.size(), o.key.size());
      case VALUE:
        return Values.compare(Objects.requireNonNull(value), Objects.requireNonNull(o.value));
      default:
        return Integer.compare(index, o.index);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PathElement p && compareTo(p) == 0;
  }

  @Override
  public int hashCode() {
    return switch (kind) {
      case FIELD -> Objects.requireNonNull(field).hashCode();
      case KEY -> {
        int h = KEY;
        for (KeyField k : key) {
          h = 31 * h + k.name().hashCode() + Values.hash(k.value());
        }
        yield h;
      }
      case VALUE -> VALUE + Values.hash(Objects.requireNonNull(value));
      default -> INDEX * 31 + index;
    };
  }

  /** The human form used in paths and conflict messages: {@code .a}, {@code [k="v"]}. */
  @Override
  public String toString() {
    switch (kind) {
      case FIELD:
        return "." + field;
      case KEY:
        List<String> parts = new ArrayList<>();
        for (KeyField k : key) {
          parts.add(k.name() + "=" + Values.display(k.value()));
        }
        return "[" + String.join(",", parts) + "]";
      case VALUE:
        return "[=" + Values.display(Objects.requireNonNull(value)) + "]";
      default:
        return "[" + index + "]";
    }
  }

  /** The FieldsV1 key form: {@code f:a}, {@code k:{"name":"a"}}, {@code v:"a"}, {@code i:0}. */
  public String serialize() {
    switch (kind) {
      case FIELD:
        return "f:" + field;
      case KEY:
        StringBuilder b = new StringBuilder("k:{");
        for (int i = 0; i < key.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          b.append(Values.goJson(MAPPER.getNodeFactory().textNode(key.get(i).name())))
              .append(':')
              .append(Values.goJson(key.get(i).value()));
        }
        return b.append('}').toString();
      case VALUE:
        return "v:" + Values.goJson(Objects.requireNonNull(value));
      default:
        return "i:" + index;
    }
  }

  /** Thrown for a FieldsV1 key of a type this port does not know (a future one): skipped. */
  static final class UnknownTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownTypeException() {
      super("unknown path element type");
    }
  }

  /**
   * Parses the FieldsV1 key form.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code s}
   */
  public static PathElement parse(String s) {
    if (s.length() < 2) {
      throw new IllegalArgumentException("key must be 2 characters long: " + s);
    }
    if (s.charAt(1) != ':') {
      throw new IllegalArgumentException("missing colon: " + s);
    }
    String rest = s.substring(2);
    switch (s.charAt(0)) {
      case 'f':
        return field(rest);
      case 'v':
        return value(readJson(rest, s));
      case 'k':
        JsonNode object = readJson(rest, s);
        if (!object.isObject()) {
          throw new IllegalArgumentException("key of " + s + " is not a JSON object");
        }
        List<KeyField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
          fields.add(new KeyField(e.getKey(), e.getValue()));
        }
        return key(fields);
      case 'i':
        try {
          return index(Integer.parseInt(rest));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("index of " + s + " is not a number", e);
        }
      default:
        throw new UnknownTypeException();
    }
  }

  private static JsonNode readJson(String json, String element) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null) {
        throw new IllegalArgumentException("empty value in " + element);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid JSON in " + element + ": " + e.getOriginalMessage(), e);
    }
  }

  /** A whole path in its human form: {@code .spec.containers[name="a"].image}. */
  public static String toString(List<PathElement> path) {
    StringBuilder b = new StringBuilder();
    path.forEach(b::append);
    return b.toString();
  }
}
