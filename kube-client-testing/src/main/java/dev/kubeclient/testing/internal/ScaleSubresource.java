package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code scale} subresource: an {@code autoscaling/v1 Scale} view of an object's replicas and
 * label selector, and writes of the spec replicas through it. Built-in kinds use {@code
 * .spec.replicas}, {@code .status.replicas} and {@code .spec.selector} (a LabelSelector); custom
 * resources use the paths their CustomResourceDefinition declares ({@link
 * CustomResourceSchemas.ScalePaths}), the selector being a string there, and the checks of
 * apiextensions-apiserver's {@code customResourceValidator} on those paths.
 */
final class ScaleSubresource {
  private static final long MAX_INT32 = Integer.MAX_VALUE;

  private ScaleSubresource() {}

  /** The Scale of a built-in {@code object}. */
  static ObjectNode view(ObjectNode object) {
    return view(object, null);
  }

  /** The Scale of {@code object}; {@code paths} null means the built-in paths. */
  static ObjectNode view(ObjectNode object, CustomResourceSchemas.@Nullable ScalePaths paths) {
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
    if (paths == null) {
      scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(0));
      ObjectNode status = scale.putObject("status");
      status.put("replicas", object.path("status").path("replicas").asInt(0));
      String selector = selector(object.path("spec").path("selector"));
      if (!selector.isEmpty()) {
        status.put("selector", selector);
      }
      return scale;
    }
    JsonNode specReplicas = at(object, paths.specReplicasPath());
    if (specReplicas == null) {
      throw ApiError.internal(
          "the spec replicas field "
              + GoFormat.quote(paths.specReplicasPath())
              + " does not exist");
    }
    scale.putObject("spec").put("replicas", (int) specReplicas.asLong(0));
    ObjectNode status = scale.putObject("status");
    JsonNode statusReplicas = at(object, paths.statusReplicasPath());
    status.put("replicas", statusReplicas == null ? 0 : (int) statusReplicas.asLong(0));
    if (paths.labelSelectorPath() != null) {
      JsonNode selector = at(object, paths.labelSelectorPath());
      if (selector != null && selector.isTextual() && !selector.textValue().isEmpty()) {
        status.put("selector", selector.textValue());
      }
    }
    return scale;
  }

  /** Writes the Scale's spec.replicas (and resourceVersion precondition) into {@code object}. */
  static ObjectNode apply(ObjectNode object, JsonNode scale) {
    return apply(object, scale, null);
  }

  /** {@link #apply(ObjectNode, JsonNode)} at the spec replicas path of {@code paths}. */
  static ObjectNode apply(
      ObjectNode object, JsonNode scale, CustomResourceSchemas.@Nullable ScalePaths paths) {
    JsonNode replicas = scale.path("spec").path("replicas");
    if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
      throw ApiError.badRequest("spec.replicas of the Scale must be a non-negative integer");
    }
    ObjectNode result = object.deepCopy();
    String path = paths == null ? ".spec.replicas" : paths.specReplicasPath();
    String[] fields = fields(path);
    ObjectNode parent = result;
    for (int i = 0; i < fields.length - 1; i++) {
      parent = Json.child(parent, fields[i]);
    }
    parent.put(fields[fields.length - 1], replicas.asInt());
    String rv = Json.text(scale.path("metadata"), "resourceVersion");
    if (rv != null && !rv.isEmpty()) {
      Json.child(result, "metadata").put("resourceVersion", rv);
    }
    return result;
  }

  /** The checks of the spec replicas path of a custom resource. */
  static List<FieldError> validateSpec(
      JsonNode object, CustomResourceSchemas.@Nullable ScalePaths paths) {
    List<FieldError> errors = new ArrayList<>();
    if (paths != null) {
      replicas(object, paths.specReplicasPath(), errors);
    }
    return errors;
  }

  /** The checks of the status replicas and label selector paths of a custom resource. */
  static List<FieldError> validateStatus(
      JsonNode object, CustomResourceSchemas.@Nullable ScalePaths paths) {
    List<FieldError> errors = new ArrayList<>();
    if (paths == null) {
      return errors;
    }
    replicas(object, paths.statusReplicasPath(), errors);
    String selectorPath = paths.labelSelectorPath();
    if (selectorPath != null) {
      String error = accessError(object, selectorPath, "string");
      if (error != null) {
        errors.add(FieldError.invalid(selectorPath, "", error));
      }
    }
    return errors;
  }

  private static void replicas(JsonNode object, String path, List<FieldError> errors) {
    String error = accessError(object, path, "int64");
    if (error != null) {
      errors.add(FieldError.invalid(path, 0L, error));
      return;
    }
    JsonNode value = at(object, path);
    long replicas = value == null ? 0 : value.longValue();
    if (replicas < 0) {
      errors.add(FieldError.invalid(path, replicas, "should be a non-negative integer"));
    } else if (replicas > MAX_INT32) {
      errors.add(
          FieldError.invalid(path, replicas, "should be less than or equal to " + MAX_INT32));
    }
  }

  private static String[] fields(String path) {
    return (path.startsWith(".") ? path.substring(1) : path).split("\\.", -1);
  }

  /** The value at a {@code .a.b} path, or null when absent. */
  private static @Nullable JsonNode at(JsonNode object, String path) {
    JsonNode node = object;
    for (String f : fields(path)) {
      if (!node.isObject()) {
        return null;
      }
      node = node.get(f);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /**
   * The error of unstructured's {@code NestedInt64} or {@code NestedString} at {@code path} (a
   * value of another type, or a non-object on the way), or null.
   */
  private static @Nullable String accessError(JsonNode object, String path, String expected) {
    String[] fields = fields(path);
    JsonNode node = object;
    StringBuilder walked = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      walked.append('.').append(fields[i]);
      JsonNode next = node.get(fields[i]);
      if (next == null) {
        return null;
      }
      if (i < fields.length - 1 && !next.isObject()) {
        return walked
            + " accessor error: "
            + GoValues.sprint(next)
            + " is of the type "
            + goType(next)
            + ", expected map[string]interface{}";
      }
      node = next;
    }
    boolean ok =
        expected.equals("int64") ? node.isNumber() && GoFormat.isInt64(node) : node.isTextual();
    if (ok) {
      return null;
    }
    return walked
        + " accessor error: "
        + GoValues.sprint(node)
        + " is of the type "
        + goType(node)
        + ", expected "
        + expected;
  }

  private static String goType(JsonNode v) {
    if (v.isTextual()) {
      return "string";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isNumber()) {
      return GoFormat.isInt64(v) ? "int64" : "float64";
    }
    if (v.isObject()) {
      return "map[string]interface {}";
    }
    if (v.isArray()) {
      return "[]interface {}";
    }
    return "<nil>";
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
