package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** Shared Jackson mappers and small tree helpers. Mappers are thread-safe once configured. */
public final class Json {
  /** Mapper for JSON request and response bodies. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** Mapper for YAML bodies (server-side apply, kubeconfig). */
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Json() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Serializes {@code node} to UTF-8 JSON bytes. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses bytes known to be valid JSON (written by this server). */
  public static ObjectNode parseTrusted(byte[] json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text at {@code field} of {@code node}, or null when absent or not textual. */
  public static @Nullable String text(@Nullable JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** The object at {@code field}, created (replacing a non-object) when absent. */
  public static ObjectNode child(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value instanceof ObjectNode) {
      return (ObjectNode) value;
    }
    return node.putObject(field);
  }

  /** Quotes {@code s} as a JSON string literal. */
  public static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
