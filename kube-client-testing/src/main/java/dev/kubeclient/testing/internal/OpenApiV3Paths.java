package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Converts OpenAPI v2 path items to v3, as the API server's v3 documents have them: parameters
 * carry their type in {@code schema}, a body parameter becomes the {@code requestBody} with one
 * entry per consumed media type, and each response has its schema per produced media type.
 * Stateless.
 */
final class OpenApiV3Paths {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final Set<String> PARAMETER_SCHEMA =
      Set.of("type", "format", "uniqueItems", "items");

  private OpenApiV3Paths() {}

  /** The v3 form of v2 {@code paths}. */
  static ObjectNode convert(ObjectNode paths) {
    ObjectNode out = Json.object();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      ObjectNode item = out.putObject(path.getKey());
      for (Map.Entry<String, JsonNode> e : path.getValue().properties()) {
        if (METHODS.contains(e.getKey())) {
          item.set(e.getKey(), operation(e.getValue()));
        } else if (e.getKey().equals("parameters")) {
          item.set("parameters", parameters(e.getValue()));
        } else {
          item.set(e.getKey(), e.getValue());
        }
      }
    }
    return out;
  }

  private static ArrayNode parameters(JsonNode v2) {
    ArrayNode out = Json.object().arrayNode();
    for (JsonNode p : v2) {
      if (!p.path("in").asText().equals("body")) {
        out.add(parameter(p));
      }
    }
    return out;
  }

  private static ObjectNode parameter(JsonNode p) {
    ObjectNode out = Json.object();
    ObjectNode schema = Json.object();
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      if (PARAMETER_SCHEMA.contains(e.getKey())) {
        schema.set(e.getKey(), e.getValue());
      } else {
        out.set(e.getKey(), e.getValue());
      }
    }
    out.set("schema", schema);
    return out;
  }

  private static ObjectNode operation(JsonNode v2) {
    ObjectNode out = Json.object();
    JsonNode consumes = v2.path("consumes");
    JsonNode produces = v2.path("produces");
    for (Map.Entry<String, JsonNode> e : v2.properties()) {
      switch (e.getKey()) {
        case "consumes", "produces", "schemes" -> {
          // Part of the content maps in v3.
        }
        case "parameters" -> {
          ArrayNode params = parameters(e.getValue());
          if (!params.isEmpty()) {
            out.set("parameters", params);
          }
          for (JsonNode p : e.getValue()) {
            if (p.path("in").asText().equals("body")) {
              ObjectNode body = out.putObject("requestBody");
              ObjectNode content = body.putObject("content");
              for (JsonNode media : consumes) {
                content
                    .putObject(media.asText())
                    .set("schema", OpenApiSchemas.toV3(p.path("schema")));
              }
              if (p.path("required").asBoolean(false)) {
                body.put("required", true);
              }
            }
          }
        }
        case "responses" -> {
          ObjectNode responses = out.putObject("responses");
          for (Map.Entry<String, JsonNode> r : e.getValue().properties()) {
            ObjectNode response = responses.putObject(r.getKey());
            JsonNode schema = r.getValue().get("schema");
            if (schema != null) {
              ObjectNode content = response.putObject("content");
              for (JsonNode media : produces) {
                content.putObject(media.asText()).set("schema", OpenApiSchemas.toV3(schema));
              }
            }
            response.set("description", r.getValue().path("description"));
          }
        }
        default -> out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
