package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code scale} subresource: an {@code autoscaling/v1 Scale} view of an object's {@code
 * spec.replicas}, {@code status.replicas} and label selector, and writes of {@code spec.replicas}
 * through it. Custom resources use the same paths ({@code .spec.replicas}, {@code
 * .status.replicas}, {@code .spec.selector}); other paths a CRD may declare are not followed.
 */
final class ScaleSubresource {
  private ScaleSubresource() {}

  /** The Scale of {@code object}. */
  static ObjectNode view(ObjectNode object) {
    ObjectNode scale = Json.object();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    JsonNode source = object.path("metadata");
    for (String field :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (source.has(field)) {
        metadata.set(field, source.get(field));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    String selector = selector(object.path("spec").path("selector"));
    if (!selector.isEmpty()) {
      status.put("selector", selector);
    }
    return scale;
  }

  /** Writes the Scale's spec.replicas (and resourceVersion precondition) into {@code object}. */
  static ObjectNode apply(ObjectNode object, JsonNode scale) {
    JsonNode replicas = scale.path("spec").path("replicas");
    if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
      throw ApiError.badRequest("spec.replicas of the Scale must be a non-negative integer");
    }
    ObjectNode result = object.deepCopy();
    Json.child(result, "spec").put("replicas", replicas.asInt());
    String rv = Json.text(scale.path("metadata"), "resourceVersion");
    if (rv != null && !rv.isEmpty()) {
      Json.child(result, "metadata").put("resourceVersion", rv);
    }
    return result;
  }

  private static String selector(JsonNode selector) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
      if (s.length() > 0) {
        s.append(',');
      }
      s.append(e.getKey()).append('=').append(e.getValue().asText());
    }
    return s.toString();
  }
}
