package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of the OpenAPI documents: the built-in definitions in v2 form and converted to v3
 * (references under {@code #/components/schemas/}, a reference with siblings wrapped in {@code
 * allOf}), and the models of a CustomResourceDefinition version as apiextensions-apiserver's
 * OpenAPI builder makes them: its schema plus apiVersion, kind and metadata, the same for embedded
 * resources, {@code x-kubernetes-group-version-kind}, and a list model; for v2 stripped as {@code
 * ToStructuralOpenAPIV2} strips it (no combinators, no nullable types, nothing under
 * preserve-unknown-fields, no defaults). Stateless.
 */
final class OpenApiSchemas {
  static final String V2_PREFIX = "#/definitions/";
  static final String V3_PREFIX = "#/components/schemas/";
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";

  /** Keywords whose values are data, not schemas. */
  private static final Set<String> DATA = Set.of("default", "enum", "example", "required", "type");

  private OpenApiSchemas() {}

  /** The model name of a CRD kind: the group reversed, then version and kind. */
  static String modelName(String group, String version, String kind) {
    List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
    java.util.Collections.reverse(parts);
    return String.join(".", parts) + "." + version + "." + kind;
  }

  /** Built-in definitions in v3 form, converted once; shared, never mutated. */
  private static final Map<String, JsonNode> BUILTIN_V3 = new ConcurrentHashMap<>();

  /** The built-in definition {@code name} in v3 form. Shared: do not mutate. */
  static JsonNode builtinV3(String name) {
    return BUILTIN_V3.computeIfAbsent(
        name, n -> toV3(BuiltinSchemas.get().definitions().getOrDefault(n, Json.object())));
  }

  /** A v2 schema in v3 form. */
  static JsonNode toV3(JsonNode v2) {
    if (v2.isArray()) {
      ArrayNode out = Json.object().arrayNode();
      v2.forEach(item -> out.add(toV3(item)));
      return out;
    }
    if (!v2.isObject()) {
      return v2;
    }
    ObjectNode out = Json.object();
    JsonNode ref = v2.get("$ref");
    boolean isRef = ref != null && ref.isTextual();
    if (isRef) {
      String converted = ref.textValue().replace(V2_PREFIX, V3_PREFIX);
      if (v2.size() == 1) {
        return out.put("$ref", converted);
      }
      out.putArray("allOf").addObject().put("$ref", converted);
    }
    for (Map.Entry<String, JsonNode> e : v2.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.equals("$ref") && isRef) {
        continue;
      }
      if (key.equals("properties") && value.isObject()) {
        ObjectNode properties = out.putObject(key);
        value.properties().forEach(p -> properties.set(p.getKey(), toV3(p.getValue())));
      } else if (key.startsWith("x-") || DATA.contains(key)) {
        out.set(key, value);
      } else {
        out.set(key, toV3(value));
      }
    }
    return out;
  }

  /** The definitions {@code roots} reference, transitively, roots included, in discovery order. */
  static Set<String> closure(Map<String, ? extends JsonNode> definitions, List<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      JsonNode def = definitions.get(name);
      if (def == null || !seen.add(name)) {
        continue;
      }
      collectRefs(def, todo);
    }
    return seen;
  }

  /** The definition names {@code node} references anywhere inside it. */
  static List<String> references(JsonNode node) {
    Deque<String> refs = new ArrayDeque<>();
    collectRefs(node, refs);
    return new ArrayList<>(refs);
  }

  private static void collectRefs(JsonNode node, Deque<String> into) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String r = ref.textValue();
        into.add(r.substring(r.lastIndexOf('/') + 1));
      }
      node.elements().forEachRemaining(child -> collectRefs(child, into));
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, into));
    }
  }

  /** The model of a CRD version's kind, or a plain object when it has no schema. */
  static ObjectNode crdModel(JsonNode crd, JsonNode version, boolean v2) {
    JsonNode spec = crd.path("spec");
    JsonNode schema = version.path("schema").path("openAPIV3Schema");
    ObjectNode model;
    if (!schema.isObject()
        || v2 && schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      model = Json.object().put("type", "object");
    } else {
      model = (ObjectNode) schema.deepCopy();
      if (v2) {
        stripForV2(model);
      } else {
        unfold(model);
      }
      putTypeMeta(model, v2);
      addEmbedded(model, v2);
    }
    ArrayNode gvk = model.putArray("x-kubernetes-group-version-kind");
    ObjectNode g = gvk.addObject();
    g.put("group", spec.path("group").asText());
    g.put("kind", spec.path("names").path("kind").asText());
    g.put("version", version.path("name").asText());
    return model;
  }

  /** The list model of a CRD version. */
  static ObjectNode crdListModel(JsonNode crd, JsonNode version, boolean v2) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String group = spec.path("group").asText();
    String v = version.path("name").asText();
    String kind = names.path("kind").asText();
    String listKind = names.path("listKind").asText(kind + "List");
    String prefix = v2 ? V2_PREFIX : V3_PREFIX;
    ObjectNode list = Json.object();
    list.put("description", listKind + " is a list of " + kind);
    list.putArray("required").add("items");
    list.put("type", "object");
    ObjectNode properties = list.putObject("properties");
    ObjectNode items = properties.putObject("items");
    items.put(
        "description",
        "List of "
            + names.path("plural").asText()
            + ". More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md");
    items.put("type", "array");
    items.putObject("items").put("$ref", prefix + modelName(group, v, kind));
    properties.set(
        "metadata",
        reference(
            prefix + META + "ListMeta", description("PartialObjectMetadataList", "metadata"), v2));
    typeMeta(properties);
    ObjectNode gvk = list.putArray("x-kubernetes-group-version-kind").addObject();
    gvk.put("group", group);
    gvk.put("kind", listKind);
    gvk.put("version", v);
    return list;
  }

  private static String description(String definition, String property) {
    return BuiltinSchemas.get()
        .definitions()
        .getOrDefault(META + definition, Json.object())
        .path("properties")
        .path(property)
        .path("description")
        .asText("");
  }

  private static ObjectNode reference(String ref, String description, boolean v2) {
    ObjectNode r = Json.object();
    if (v2) {
      r.put("$ref", ref);
    } else {
      r.putArray("allOf").addObject().put("$ref", ref);
    }
    r.put("description", description);
    return r;
  }

  private static void typeMeta(ObjectNode properties) {
    for (String field : List.of("apiVersion", "kind")) {
      JsonNode p =
          BuiltinSchemas.get()
              .definitions()
              .getOrDefault(META + "PartialObjectMetadata", Json.object())
              .path("properties")
              .path(field);
      properties.set(field, p.isObject() ? p.deepCopy() : Json.object().put("type", "string"));
    }
  }

  private static void putTypeMeta(ObjectNode schema, boolean v2) {
    ObjectNode properties = Json.child(schema, "properties");
    typeMeta(properties);
    properties.set(
        "metadata",
        reference(
            (v2 ? V2_PREFIX : V3_PREFIX) + META + "ObjectMeta",
            description("PartialObjectMetadata", "metadata"),
            v2));
  }

  /** apiVersion, kind and metadata of embedded resources, as {@code addEmbeddedProperties}. */
  private static void addEmbedded(JsonNode s, boolean v2) {
    if (!s.isObject()) {
      return;
    }
    for (JsonNode p : s.path("properties")) {
      addEmbedded(p, v2);
    }
    addEmbedded(s.path("items"), v2);
    addEmbedded(s.path("additionalProperties"), v2);
    if (v2 && s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    if (s.path("x-kubernetes-embedded-resource").asBoolean(false)) {
      ObjectNode object = (ObjectNode) s;
      putTypeMeta(object, v2);
      ArrayNode required =
          object.path("required").isArray()
              ? (ArrayNode) object.get("required")
              : object.putArray("required");
      for (String field : List.of("kind", "apiVersion")) {
        boolean present = false;
        for (JsonNode r : required) {
          present |= r.asText().equals(field);
        }
        if (!present) {
          required.add(field);
        }
      }
    }
  }

  /** {@code Unfold}: an int-or-string gets its anyOf of integer and string. */
  private static void unfold(JsonNode s) {
    if (!s.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) s;
    if (object.path("x-kubernetes-int-or-string").asBoolean(false) && !object.has("anyOf")) {
      ArrayNode anyOf = object.putArray("anyOf");
      anyOf.addObject().put("type", "integer");
      anyOf.addObject().put("type", "string");
    }
    for (JsonNode p : object.path("properties")) {
      unfold(p);
    }
    unfold(object.path("items"));
    unfold(object.path("additionalProperties"));
  }

  /**
   * {@code ToStructuralOpenAPIV2}, and the defaults pruned. Like the Go visitor, a node is mapped
   * before its children, so that the nullable flags of properties are still there for required.
   */
  private static void stripForV2(JsonNode s) {
    if (!s.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) s;
    object.remove(List.of("allOf", "anyOf", "oneOf", "not", "default"));
    JsonNode required = object.get("required");
    if (required instanceof ArrayNode list) {
      boolean nullableValues =
          object.path("additionalProperties").path("nullable").asBoolean(false);
      for (int i = list.size() - 1; i >= 0; i--) {
        if (nullableValues
            || object
                .path("properties")
                .path(list.get(i).asText())
                .path("nullable")
                .asBoolean(false)) {
          list.remove(i);
        }
      }
      if (list.isEmpty()) {
        object.remove("required");
      }
    }
    if (object.path("nullable").asBoolean(false)) {
      object.remove(List.of("type", "nullable", "items", "properties"));
    }
    if (object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      object.remove(List.of("items", "properties"));
      if (object.path("type").asText("").equals("object")) {
        object.remove("type");
      }
    }
    if (!object.has("items") && object.path("type").asText("").equals("array")) {
      object.remove("type");
    }
    for (JsonNode p : object.path("properties")) {
      stripForV2(p);
    }
    stripForV2(object.path("items"));
    stripForV2(object.path("additionalProperties"));
  }
}
