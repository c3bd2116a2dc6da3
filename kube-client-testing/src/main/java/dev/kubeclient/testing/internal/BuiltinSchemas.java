package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAPI definitions of the built-in API (Kubernetes 1.36) and the query parameters of each
 * operation kind, read from the resource kube-client-gen generates from the spec. They serve the
 * OpenAPI documents and the strict decoding of built-in kinds: a field a definition does not
 * declare is unknown, as Go's strict JSON decoding into the API types finds it. Loaded once, on
 * first use; immutable and thread-safe.
 */
final class BuiltinSchemas {
  static final String RESOURCE = "builtin-schemas.txt";
  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final String REF_PREFIX = "#/definitions/";

  private final Map<String, ObjectNode> definitions;
  private final Map<String, ArrayNode> parameters;
  private final Map<String, String> byKind;

  private BuiltinSchemas(Map<String, ObjectNode> definitions, Map<String, ArrayNode> parameters) {
    this.definitions = Collections.unmodifiableMap(definitions);
    this.parameters = Collections.unmodifiableMap(parameters);
    Map<String, String> kinds = new HashMap<>();
    for (Map.Entry<String, ObjectNode> e : definitions.entrySet()) {
      for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
        kinds.putIfAbsent(
            gvk.path("group").asText()
                + "/"
                + gvk.path("version").asText()
                + "/"
                + gvk.path("kind").asText(),
            e.getKey());
      }
    }
    this.byKind = Collections.unmodifiableMap(kinds);
  }

  private static final class Holder {
    static final BuiltinSchemas INSTANCE = load();
  }

  /** The definitions, loaded on first use. */
  static BuiltinSchemas get() {
    return Holder.INSTANCE;
  }

  private static BuiltinSchemas load() {
    try (InputStream in = BuiltinSchemas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + RESOURCE + " is missing next to " + BuiltinSchemas.class.getName());
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static BuiltinSchemas parse(BufferedReader reader) throws IOException {
    Map<String, ObjectNode> definitions = new LinkedHashMap<>();
    Map<String, ArrayNode> parameters = new HashMap<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      String[] parts = line.split(" ", 3);
      if (parts.length != 3) {
        throw new IllegalStateException(RESOURCE + " line " + lineNumber + " is malformed");
      }
      JsonNode json = Json.MAPPER.readTree(parts[2]);
      if (parts[0].equals("definition") && json instanceof ObjectNode o) {
        definitions.put(parts[1], o);
      } else if (parts[0].equals("parameters") && json instanceof ArrayNode a) {
        parameters.put(parts[1], a);
      } else {
        throw new IllegalStateException(
            RESOURCE + " line " + lineNumber + " has an unknown entry " + parts[0]);
      }
    }
    return new BuiltinSchemas(definitions, parameters);
  }

  /** Every definition by name, in the spec's order. Shared: do not mutate. */
  Map<String, ObjectNode> definitions() {
    return definitions;
  }

  /** The documented query parameters of an action ({@code get}, {@code list}, ...). Shared. */
  ArrayNode parameters(String action) {
    ArrayNode p = parameters.get(action);
    return p == null ? Json.object().arrayNode() : p;
  }

  /** The definition name of a built-in kind, or null. */
  @Nullable String definitionOf(String group, String version, String kind) {
    return byKind.get(group + "/" + version + "/" + kind);
  }

  /**
   * Drops from {@code object} what definition {@code name} does not declare and returns the paths
   * of what it dropped, in document order, as strict decoding reports them.
   */
  List<String> pruneUnknown(String name, ObjectNode object, String path) {
    List<String> unknown = new ArrayList<>();
    walk(definitions.get(name), object, path, unknown);
    return unknown;
  }

  /** {@link #pruneUnknown} with ObjectMeta, for the metadata at {@code path}. */
  List<String> pruneObjectMeta(ObjectNode metadata, String path) {
    return pruneUnknown(OBJECT_META, metadata, path);
  }

  private @Nullable JsonNode resolve(@Nullable JsonNode schema) {
    int guard = 0;
    while (schema != null && schema.has("$ref") && guard++ < 8) {
      String ref = schema.path("$ref").asText();
      schema =
          ref.startsWith(REF_PREFIX) ? definitions.get(ref.substring(REF_PREFIX.length())) : null;
    }
    return schema;
  }

  private void walk(@Nullable JsonNode schema, JsonNode value, String path, List<String> unknown) {
    JsonNode s = resolve(schema);
    if (s == null) {
      return;
    }
    if (value instanceof ObjectNode object) {
      JsonNode properties = s.get("properties");
      JsonNode additional = s.get("additionalProperties");
      if (properties != null && properties.isObject()) {
        List<String> remove = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
          String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
          JsonNode property = properties.get(e.getKey());
          if (property == null) {
            unknown.add(child);
            remove.add(e.getKey());
          } else {
            walk(property, e.getValue(), child, unknown);
          }
        }
        object.remove(remove);
      } else if (additional != null && additional.isObject()) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
          walk(additional, e.getValue(), path + "." + e.getKey(), unknown);
        }
      }
    } else if (value instanceof ArrayNode array && s.has("items")) {
      for (int i = 0; i < array.size(); i++) {
        walk(s.get("items"), array.get(i), path + "[" + i + "]", unknown);
      }
    }
  }
}
