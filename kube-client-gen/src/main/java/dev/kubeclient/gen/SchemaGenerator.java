package dev.kubeclient.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the structural schema of every built-in definition for the embedded API server's
 * server-side apply and managedFields: the v2 spec's definitions with only what structured merge
 * needs (types, properties, items, references, required fields and the {@code x-kubernetes-*} list
 * and map extensions), without descriptions. The role of client-go's {@code
 * applyconfigurations/internal} schema.
 *
 * <p>The v2 document cannot carry {@code default} next to a {@code $ref}, so defaults are taken
 * from the OpenAPI v3 documents beside it, by definition and property name. Those tell which struct
 * fields are not pointers ({@code default: {}}) and the defaults of list keys ({@code protocol:
 * TCP} of container ports). The v3 documents may be of an older minor version than the v2 spec;
 * definitions they lack simply get no defaults. Not thread-safe.
 */
final class SchemaGenerator {
  /** The resource path of the output, under a module's {@code src/generated/resources}. */
  static final String RESOURCE = "dev/kubeclient/testing/internal/builtin-schemas.json";

  private static final Set<String> KEPT =
      Set.of(
          "type",
          "format",
          "properties",
          "items",
          "additionalProperties",
          "$ref",
          "allOf",
          "required",
          "default",
          "x-kubernetes-list-type",
          "x-kubernetes-list-map-keys",
          "x-kubernetes-map-type",
          "x-kubernetes-patch-strategy",
          "x-kubernetes-patch-merge-key",
          "x-kubernetes-group-version-kind",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-int-or-string",
          "x-kubernetes-embedded-resource");

  private final JsonNode definitions;
  private final Map<String, JsonNode> v3Schemas;

  /**
   * @param definitions the v2 spec's {@code definitions}
   * @param v3Directory the folder of the per-group-version OpenAPI v3 documents
   */
  SchemaGenerator(JsonNode definitions, Path v3Directory) throws IOException {
    this.definitions = definitions;
    this.v3Schemas = readV3(v3Directory);
  }

  private static Map<String, JsonNode> readV3(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(
          "OpenAPI v3 documents not found at " + directory + " (expected next to openapi-v2)");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
      stream.forEach(files::add);
    }
    Collections.sort(files);
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> schemas = new HashMap<>();
    for (Path file : files) {
      JsonNode doc = mapper.readTree(file.toFile());
      doc.path("components")
          .path("schemas")
          .properties()
          .forEach(e -> schemas.put(e.getKey(), e.getValue()));
    }
    return schemas;
  }

  /** Writes the schema document to {@code file}, one definition per line, in name order. */
  void write(Path file) throws IOException {
    Map<String, JsonNode> sorted = new TreeMap<>();
    definitions.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
    ObjectMapper mapper = new ObjectMapper();
    StringBuilder out = new StringBuilder("{\"definitions\":{\n");
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
      JsonNode pruned = prune(e.getValue());
      addDefaults((ObjectNode) pruned, v3Schemas.get(e.getKey()));
      out.append(first ? "" : ",\n")
          .append(mapper.writeValueAsString(e.getKey()))
          .append(':')
          .append(mapper.writeValueAsString(pruned));
      first = false;
    }
    out.append("\n}}\n");
    SourceSink.writeRaw(file, out.toString());
  }

  /** A copy of {@code schema} with only the kept keywords, keys sorted. */
  private static JsonNode prune(JsonNode schema) {
    if (schema.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      schema.forEach(item -> copy.add(prune(item)));
      return copy;
    }
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    Map<String, JsonNode> fields = new TreeMap<>();
    schema.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
    for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
      String key = e.getKey();
      if (!KEPT.contains(key)) {
        continue;
      }
      if (key.equals("properties")) {
        ObjectNode properties = copy.putObject("properties");
        Map<String, JsonNode> names = new TreeMap<>();
        e.getValue().properties().forEach(p -> names.put(p.getKey(), p.getValue()));
        names.forEach((name, property) -> properties.set(name, prune(property)));
      } else if (key.equals("$ref")) {
        String ref = e.getValue().asText();
        copy.put("$ref", ref.substring(ref.lastIndexOf('/') + 1));
      } else if (key.equals("default") || key.equals("x-kubernetes-group-version-kind")) {
        copy.set(key, e.getValue());
      } else {
        copy.set(key, prune(e.getValue()));
      }
    }
    return copy;
  }

  /** Copies property defaults of the v3 definition onto the pruned v2 definition. */
  private static void addDefaults(ObjectNode definition, JsonNode v3) {
    if (v3 == null) {
      return;
    }
    JsonNode properties = definition.path("properties");
    if (!properties.isObject()) {
      return;
    }
    properties
        .properties()
        .forEach(
            p -> {
              JsonNode value = v3.path("properties").path(p.getKey()).get("default");
              if (value != null && p.getValue().isObject()) {
                ((ObjectNode) p.getValue()).set("default", value);
              }
            });
  }
}
