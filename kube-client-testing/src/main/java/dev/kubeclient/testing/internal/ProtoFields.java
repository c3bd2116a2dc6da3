package dev.kubeclient.testing.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The protobuf field numbers of the built-in API types (Kubernetes 1.36), read from the resource
 * kube-client-gen's {@code ProtoFieldsWriter} writes from the Go types' struct tags: per OpenAPI
 * definition, each field's number, JSON name, Go pointer/omitempty/omitzero/inline flags and kind.
 * Loaded once, on first use; immutable and thread-safe.
 */
final class ProtoFields {
  static final String RESOURCE = "protobuf-fields.txt";

  /** How a field's values are held. */
  enum Container {
    SINGLE,
    REPEATED,
    MAP
  }

  /**
   * One field of a message.
   *
   * @param json the JSON name, or {@code "-"} for an inline field
   * @param kind a scalar ({@code string bytes bool int uint double}), {@code msg}, {@code items} or
   *     a special type ({@code time microtime duration quantity intorstring raw})
   * @param ref the definition of a {@code msg}, the element kind of {@code items}, else {@code -}
   */
  record Field(
      int number,
      String json,
      boolean pointer,
      boolean omitEmpty,
      boolean omitZero,
      boolean inline,
      Container container,
      String kind,
      String ref) {}

  private final Map<String, Map<Integer, Field>> messages;

  private ProtoFields(Map<String, Map<Integer, Field>> messages) {
    this.messages = messages;
  }

  private static final class Holder {
    static final ProtoFields INSTANCE = load();
  }

  /** The table, loaded on first use. */
  static ProtoFields get() {
    return Holder.INSTANCE;
  }

  /** The fields of {@code definition} by number; empty for a message without fields. */
  Map<Integer, Field> fields(String definition) {
    return messages.getOrDefault(definition, Map.of());
  }

  /** Whether {@code definition} has a protobuf encoding here. */
  boolean knows(String definition) {
    return messages.containsKey(definition);
  }

  private static ProtoFields load() {
    try (InputStream in = ProtoFields.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + RESOURCE + " is missing next to " + ProtoFields.class.getName());
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static ProtoFields parse(BufferedReader reader) throws IOException {
    Map<String, Map<Integer, Field>> messages = new HashMap<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      String[] columns = line.split("\t");
      Map<Integer, Field> fields = new HashMap<>();
      for (int i = 1; i < columns.length; i++) {
        Field f = field(columns[i]);
        if (f == null) {
          throw new IllegalStateException(
              RESOURCE + " line " + lineNumber + ": malformed field '" + columns[i] + "'");
        }
        fields.put(f.number(), f);
      }
      messages.put(columns[0], Map.copyOf(fields));
    }
    return new ProtoFields(Map.copyOf(messages));
  }

  private static @Nullable Field field(String column) {
    String[] p = column.split(" ");
    if (p.length != 6 || !p[0].chars().allMatch(Character::isDigit)) {
      return null;
    }
    Container container =
        switch (p[3]) {
          case "[]" -> Container.REPEATED;
          case "map" -> Container.MAP;
          default -> Container.SINGLE;
        };
    return new Field(
        Integer.parseInt(p[0]),
        p[1],
        p[2].contains("p"),
        p[2].contains("o"),
        p[2].contains("z"),
        p[2].contains("i"),
        container,
        p[4],
        p[5]);
  }
}
