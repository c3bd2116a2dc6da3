package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes an OpenAPI v2 document as the protobuf message {@code openapi.v2.Document} of
 * google/gnostic-models, which is what {@code /openapi/v2} serves for {@code
 * application/com.github.proto-openapi.spec.v2.v1.0+protobuf} and what client-go's {@code
 * OpenAPISchema()} (kubectl's client-side validation, {@code explain --output plaintext-openapiv2})
 * decodes. Covers what the API server's documents use: paths with their operations, body, query and
 * path parameters and responses, definitions, the API-key security definition; values of {@code
 * default}, {@code enum}, {@code example} and vendor extensions are YAML text, as gnostic's {@code
 * Any} holds them. Stateless.
 */
final class GnosticV2 {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  private GnosticV2() {}

  /** The Document message for {@code doc}. */
  static byte[] encode(JsonNode doc) {
    Proto out = new Proto();
    out.string(1, doc.path("swagger").asText(""));
    Proto info = new Proto();
    info.string(1, doc.path("info").path("title").asText(""));
    info.string(2, doc.path("info").path("version").asText(""));
    out.message(2, info);
    Proto paths = new Proto();
    for (Map.Entry<String, JsonNode> p : doc.path("paths").properties()) {
      paths.message(2, named(p.getKey(), pathItem(p.getValue())));
    }
    out.message(8, paths);
    Proto definitions = new Proto();
    for (Map.Entry<String, JsonNode> d : doc.path("definitions").properties()) {
      definitions.message(1, named(d.getKey(), schema(d.getValue())));
    }
    out.message(9, definitions);
    for (JsonNode requirement : doc.path("security")) {
      Proto r = new Proto();
      for (Map.Entry<String, JsonNode> e : requirement.properties()) {
        Proto values = new Proto();
        e.getValue().forEach(v -> values.string(1, v.asText()));
        Proto named = new Proto();
        named.string(1, e.getKey());
        named.message(2, values);
        r.message(1, named);
      }
      out.message(12, r);
    }
    Proto securityDefinitions = new Proto();
    for (Map.Entry<String, JsonNode> e : doc.path("securityDefinitions").properties()) {
      Proto key = new Proto();
      key.string(1, e.getValue().path("type").asText(""));
      key.string(2, e.getValue().path("name").asText(""));
      key.string(3, e.getValue().path("in").asText(""));
      key.string(4, e.getValue().path("description").asText(""));
      Proto item = new Proto();
      item.message(2, key);
      securityDefinitions.message(1, named(e.getKey(), item));
    }
    out.message(13, securityDefinitions);
    return out.bytes();
  }

  private static Proto named(String name, Proto value) {
    Proto named = new Proto();
    named.string(1, name);
    named.message(2, value);
    return named;
  }

  private static Proto pathItem(JsonNode item) {
    Proto out = new Proto();
    String[] methods = {"get", "put", "post", "delete", "options", "head", "patch"};
    for (int i = 0; i < methods.length; i++) {
      if (item.has(methods[i])) {
        out.message(i + 2, operation(item.get(methods[i])));
      }
    }
    for (JsonNode p : item.path("parameters")) {
      out.message(9, parametersItem(p));
    }
    extensions(item, 10, out);
    return out;
  }

  private static Proto operation(JsonNode op) {
    Proto out = new Proto();
    op.path("tags").forEach(t -> out.string(1, t.asText()));
    out.string(3, op.path("description").asText(""));
    out.string(5, op.path("operationId").asText(""));
    op.path("produces").forEach(t -> out.string(6, t.asText()));
    op.path("consumes").forEach(t -> out.string(7, t.asText()));
    for (JsonNode p : op.path("parameters")) {
      out.message(8, parametersItem(p));
    }
    Proto responses = new Proto();
    for (Map.Entry<String, JsonNode> r : op.path("responses").properties()) {
      Proto response = new Proto();
      response.string(1, r.getValue().path("description").asText(""));
      if (r.getValue().has("schema")) {
        Proto schemaItem = new Proto();
        schemaItem.message(1, schema(r.getValue().get("schema")));
        response.message(2, schemaItem);
      }
      Proto value = new Proto();
      value.message(1, response);
      responses.message(1, named(r.getKey(), value));
    }
    out.message(9, responses);
    op.path("schemes").forEach(t -> out.string(10, t.asText()));
    extensions(op, 13, out);
    return out;
  }

  private static Proto parametersItem(JsonNode p) {
    Proto parameter = new Proto();
    String in = p.path("in").asText("");
    if (in.equals("body")) {
      Proto body = new Proto();
      body.string(1, p.path("description").asText(""));
      body.string(2, p.path("name").asText(""));
      body.string(3, in);
      body.bool(4, p.path("required").asBoolean(false));
      body.message(5, schema(p.path("schema")));
      parameter.message(1, body);
    } else {
      // Query and path parameters: the same fields, numbered from "type" on one apart.
      boolean query = in.equals("query");
      int shift = query ? 1 : 0;
      Proto sub = new Proto();
      sub.bool(1, p.path("required").asBoolean(false));
      sub.string(2, in);
      sub.string(3, p.path("description").asText(""));
      sub.string(4, p.path("name").asText(""));
      sub.string(5 + shift, p.path("type").asText(""));
      sub.string(6 + shift, p.path("format").asText(""));
      sub.bool(19 + shift, p.path("uniqueItems").asBoolean(false));
      extensions(p, 22 + shift, sub);
      Proto nonBody = new Proto();
      nonBody.message(query ? 3 : 4, sub);
      parameter.message(2, nonBody);
    }
    Proto item = new Proto();
    item.message(1, parameter);
    return item;
  }

  private static Proto schema(JsonNode s) {
    Proto out = new Proto();
    out.string(1, s.path("$ref").asText(""));
    out.string(2, s.path("format").asText(""));
    out.string(3, s.path("title").asText(""));
    out.string(4, s.path("description").asText(""));
    any(s, "default", 5, out);
    number(s, "multipleOf", 6, out);
    number(s, "maximum", 7, out);
    out.bool(8, s.path("exclusiveMaximum").asBoolean(false));
    number(s, "minimum", 9, out);
    out.bool(10, s.path("exclusiveMinimum").asBoolean(false));
    out.varint(11, s.path("maxLength").asLong(0));
    out.varint(12, s.path("minLength").asLong(0));
    out.string(13, s.path("pattern").asText(""));
    out.varint(14, s.path("maxItems").asLong(0));
    out.varint(15, s.path("minItems").asLong(0));
    out.bool(16, s.path("uniqueItems").asBoolean(false));
    out.varint(17, s.path("maxProperties").asLong(0));
    out.varint(18, s.path("minProperties").asLong(0));
    s.path("required").forEach(r -> out.string(19, r.asText()));
    for (JsonNode e : s.path("enum")) {
      out.message(20, anyValue(e));
    }
    JsonNode additional = s.get("additionalProperties");
    if (additional != null && (additional.isObject() || additional.isBoolean())) {
      Proto item = new Proto();
      if (additional.isObject()) {
        item.message(1, schema(additional));
      } else {
        item.bool(2, additional.booleanValue(), true);
      }
      out.message(21, item);
    }
    if (s.path("type").isTextual()) {
      Proto type = new Proto();
      type.string(1, s.get("type").textValue());
      out.message(22, type);
    }
    if (s.path("items").isObject()) {
      Proto items = new Proto();
      items.message(1, schema(s.get("items")));
      out.message(23, items);
    }
    for (JsonNode a : s.path("allOf")) {
      out.message(24, schema(a));
    }
    if (s.path("properties").isObject()) {
      Proto properties = new Proto();
      for (Map.Entry<String, JsonNode> p : s.get("properties").properties()) {
        properties.message(1, named(p.getKey(), schema(p.getValue())));
      }
      out.message(25, properties);
    }
    out.bool(27, s.path("readOnly").asBoolean(false));
    any(s, "example", 30, out);
    extensions(s, 31, out);
    return out;
  }

  private static void number(JsonNode s, String field, int number, Proto out) {
    if (s.path(field).isNumber()) {
      out.fixed64(number, s.get(field).doubleValue());
    }
  }

  private static void any(JsonNode s, String field, int number, Proto out) {
    if (s.has(field)) {
      out.message(number, anyValue(s.get(field)));
    }
  }

  private static void extensions(JsonNode node, int number, Proto out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().startsWith("x-")) {
        Proto named = new Proto();
        named.string(1, e.getKey());
        named.message(2, anyValue(e.getValue()));
        out.message(number, named);
      }
    }
  }

  private static Proto anyValue(JsonNode value) {
    Proto any = new Proto();
    try {
      any.string(2, YAML.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return any;
  }

  /** A protobuf message being written; proto3 defaults (empty, zero, false) are left out. */
  private static final class Proto {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    void string(int field, String value) {
      if (!value.isEmpty()) {
        bytes(field, value.getBytes(StandardCharsets.UTF_8));
      }
    }

    void message(int field, Proto message) {
      bytes(field, message.bytes());
    }

    void bool(int field, boolean value) {
      bool(field, value, false);
    }

    /** A bool, written even when false if it is a oneof member. */
    void bool(int field, boolean value, boolean always) {
      if (value || always) {
        tag(field, 0);
        raw(value ? 1 : 0);
      }
    }

    void varint(int field, long value) {
      if (value != 0) {
        tag(field, 0);
        raw(value);
      }
    }

    void fixed64(int field, double value) {
      tag(field, 1);
      long bits = Double.doubleToLongBits(value);
      for (int i = 0; i < 8; i++) {
        buffer.write((int) (bits >>> (8 * i)) & 0xff);
      }
    }

    private void bytes(int field, byte[] value) {
      tag(field, 2);
      raw(value.length);
      buffer.write(value, 0, value.length);
    }

    private void tag(int field, int wireType) {
      raw(((long) field << 3) | wireType);
    }

    private void raw(long value) {
      long v = value;
      while ((v & ~0x7FL) != 0) {
        buffer.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      buffer.write((int) v);
    }

    byte[] bytes() {
      return buffer.toByteArray();
    }
  }
}
