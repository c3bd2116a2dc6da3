package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks apiextensions-apiserver makes of a CustomResourceDefinition before storing it ({@code
 * ValidateCustomResourceDefinition}), for the mistakes people make: the name, group, scope and
 * names, the versions (one storage version, unique names, a schema each), the schemas (structural,
 * no unsupported keywords, consistent list types, no unknown types) and the scale subresource's
 * paths, with the API server's paths and messages. The v1 defaults of the names and the conversion
 * strategy are applied first, as the API server's defaulting does. Not checked: CEL rules, default
 * values against their schema, selectable fields, printer columns, conversion webhooks' client
 * configuration, and the rules of updates (stored versions, immutable fields). Stateless.
 */
final class CrdValidation {
  private static final Set<String> TYPES =
      Set.of("array", "boolean", "integer", "number", "object", "string");
  private static final List<String> TYPE_LIST =
      List.of("array", "boolean", "integer", "number", "object", "string");
  private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  private CrdValidation() {}

  /** Whether {@code type} is apiextensions.k8s.io's customresourcedefinitions. */
  static boolean isCrd(ResourceType type) {
    return type.group().equals("apiextensions.k8s.io")
        && type.plural().equals("customresourcedefinitions");
  }

  /** Applies the v1 defaults and checks {@code crd}; throws 422 Invalid. */
  static void validate(ResourceType type, ObjectNode crd) {
    applyDefaults(crd);
    List<FieldError> errors = new ArrayList<>();
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String name = crd.path("metadata").path("name").asText("");
    String required = names.path("plural").asText("") + "." + spec.path("group").asText("");
    if (!name.equals(required)) {
      errors.add(
          FieldError.invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
    }
    spec(spec, errors);
    if (!errors.isEmpty()) {
      throw FieldError.invalid(type, name, errors);
    }
  }

  private static void applyDefaults(ObjectNode crd) {
    ObjectNode spec = Json.child(crd, "spec");
    ObjectNode names = Json.child(spec, "names");
    String kind = names.path("kind").asText("");
    if (names.path("singular").asText("").isEmpty()) {
      names.put("singular", kind.toLowerCase(Locale.ROOT));
    }
    if (names.path("listKind").asText("").isEmpty() && !kind.isEmpty()) {
      names.put("listKind", kind + "List");
    }
    if (!spec.path("conversion").isObject()) {
      spec.putObject("conversion").put("strategy", "None");
    }
  }

  private static void spec(JsonNode spec, List<FieldError> errors) {
    String group = spec.path("group").asText("");
    if (group.isEmpty()) {
      errors.add(FieldError.required("spec.group", ""));
    } else if (!group.matches(DNS1123_SUBDOMAIN.pattern()) || group.length() > 253) {
      errors.add(FieldError.invalid("spec.group", group, subdomainErrors(group)));
    } else if (group.split("\\.").length < 2) {
      errors.add(
          FieldError.invalid("spec.group", group, "should be a domain with at least one dot"));
    }
    String scope = spec.path("scope").asText("");
    if (scope.isEmpty()) {
      errors.add(FieldError.required("spec.scope", ""));
    } else if (!scope.equals("Cluster") && !scope.equals("Namespaced")) {
      errors.add(FieldError.notSupported("spec.scope", scope, List.of("Cluster", "Namespaced")));
    }
    JsonNode versions = spec.path("versions");
    for (int i = 0; i < versions.size(); i++) {
      if (!versions.get(i).path("schema").path("openAPIV3Schema").isObject()) {
        errors.add(FieldError.required("spec.versions[" + i + "].schema.openAPIV3Schema", ""));
      }
    }
    int storage = 0;
    Set<String> seen = new HashSet<>();
    boolean unique = true;
    for (int i = 0; i < versions.size(); i++) {
      JsonNode v = versions.get(i);
      String path = "spec.versions[" + i + "]";
      String versionName = v.path("name").asText("");
      if (v.path("storage").asBoolean(false)) {
        storage++;
      }
      unique &= seen.add(versionName);
      List<String> labelErrors = EmbeddedResources.dns1035Label(versionName);
      if (!labelErrors.isEmpty()) {
        errors.add(FieldError.invalid(path + ".name", versionName, String.join(",", labelErrors)));
      }
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      if (schema.isObject()) {
        schema(schema, path + ".schema.openAPIV3Schema", errors);
      }
      scale(v.path("subresources").path("scale"), path + ".subresources", errors);
    }
    if (versions.isEmpty()) {
      errors.add(FieldError.required("spec.versions", ""));
    }
    if (!unique) {
      errors.add(
          FieldError.invalid("spec.versions", versions, "must contain unique version names"));
    }
    if (storage != 1) {
      errors.add(
          FieldError.invalid(
              "spec.versions",
              versions,
              "must have exactly one version marked as storage version"));
    }
    JsonNode names = spec.path("names");
    for (String field : List.of("plural", "singular", "kind", "listKind")) {
      if (names.path(field).asText("").isEmpty()) {
        errors.add(FieldError.required("spec.names." + field, ""));
      }
    }
    names(names, errors);
    String strategy = spec.path("conversion").path("strategy").asText("");
    if (!strategy.equals("None") && !strategy.equals("Webhook")) {
      errors.add(
          strategy.isEmpty()
              ? FieldError.required("spec.conversion.strategy", "")
              : FieldError.notSupported(
                  "spec.conversion.strategy", strategy, List.of("None", "Webhook")));
    }
  }

  private static String subdomainErrors(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > 253) {
      errs.add("must be no more than 253 characters");
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
              + " or '.', and must start and end with an alphanumeric character (e.g."
              + " 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?"
              + "(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }
    return String.join(",", errs);
  }

  private static void names(JsonNode names, List<FieldError> errors) {
    for (String field : List.of("plural", "singular")) {
      String value = names.path(field).asText("");
      List<String> errs = EmbeddedResources.dns1035Label(value);
      if (!value.isEmpty() && !errs.isEmpty()) {
        errors.add(FieldError.invalid("spec.names." + field, value, String.join(",", errs)));
      }
    }
    for (String field : List.of("kind", "listKind")) {
      String value = names.path(field).asText("");
      List<String> errs = EmbeddedResources.dns1035Label(value.toLowerCase(Locale.ROOT));
      if (!value.isEmpty() && !errs.isEmpty()) {
        errors.add(
            FieldError.invalid(
                "spec.names." + field,
                value,
                "may have mixed case, but should otherwise match: " + String.join(",", errs)));
      }
    }
    JsonNode shortNames = names.path("shortNames");
    for (int i = 0; i < shortNames.size(); i++) {
      String value = shortNames.get(i).asText("");
      List<String> errs = EmbeddedResources.dns1035Label(value);
      if (!errs.isEmpty()) {
        errors.add(
            FieldError.invalid("spec.names.shortNames[" + i + "]", value, String.join(",", errs)));
      }
    }
    String kind = names.path("kind").asText("");
    if (!kind.isEmpty() && kind.equals(names.path("listKind").asText(""))) {
      errors.add(
          FieldError.invalid("spec.names.listKind", kind, "kind and listKind may not be the same"));
    }
  }

  private static void scale(JsonNode scale, String path, List<FieldError> errors) {
    if (!scale.isObject()) {
      return;
    }
    String spec = scale.path("specReplicasPath").asText("");
    if (spec.isEmpty()) {
      errors.add(FieldError.required(path + ".scale.specReplicasPath", ""));
    } else if (simplePath(spec, path + ".scale.specReplicasPath", errors)
        && !spec.startsWith(".spec.")) {
      errors.add(
          FieldError.invalid(
              path + ".scale.specReplicasPath", spec, "should be a json path under .spec"));
    }
    String status = scale.path("statusReplicasPath").asText("");
    if (status.isEmpty()) {
      errors.add(FieldError.required(path + ".scale.statusReplicasPath", ""));
    } else if (simplePath(status, path + ".scale.statusReplicasPath", errors)
        && !status.startsWith(".status.")) {
      errors.add(
          FieldError.invalid(
              path + ".scale.statusReplicasPath", status, "should be a json path under .status"));
    }
    String selector = scale.path("labelSelectorPath").asText("");
    if (!selector.isEmpty()
        && simplePath(selector, path + ".scale.labelSelectorPath", errors)
        && !selector.startsWith(".spec.")
        && !selector.startsWith(".status.")) {
      errors.add(
          FieldError.invalid(
              path + ".scale.labelSelectorPath",
              selector,
              "should be a json path under either .spec or .status"));
    }
  }

  private static boolean simplePath(String s, String path, List<FieldError> errors) {
    if (s.charAt(0) != '.') {
      errors.add(FieldError.invalid(path, s, "must be a simple json path starting with ."));
      return false;
    }
    return true;
  }

  /** One version's openAPIV3Schema: structural rules (sorted), then keyword and list-type rules. */
  private static void schema(JsonNode schema, String path, List<FieldError> errors) {
    if (schema.path("nullable").asBoolean(false)) {
      errors.add(FieldError.forbidden(path + ".nullable", "nullable cannot be true at the root"));
    }
    List<FieldError> structural = new ArrayList<>();
    StructuralValidation.check(schema, path, structural);
    structural.sort(Comparator.comparing(FieldError::error));
    errors.addAll(structural);
    keywords(schema, path, true, false, errors);
  }

  /** {@code ValidateCustomResourceDefinitionOpenAPISchema}: keywords, list types, recursion. */
  private static void keywords(
      JsonNode s, String path, boolean root, boolean insideMeta, List<FieldError> errors) {
    String type = s.path("type").asText("");
    if (!type.isEmpty() && !TYPES.contains(type)) {
      errors.add(
          type.equals("null")
              ? FieldError.forbidden(
                  path + ".type", "type cannot be set to null, use nullable as an alternative")
              : FieldError.notSupported(path + ".type", type, TYPE_LIST));
    }
    forbid(s, "id", path, "id is not supported", errors);
    forbid(s, "additionalItems", path, "additionalItems is not supported", errors);
    forbid(s, "patternProperties", path, "patternProperties is not supported", errors);
    forbid(s, "definitions", path, "definitions is not supported", errors);
    forbid(s, "dependencies", path, "dependencies is not supported", errors);
    forbid(s, "$ref", path, "$ref is not supported", errors);
    if (s.path("items").isArray()) {
      errors.add(
          FieldError.forbidden(path + ".items", "items must be a schema object and not an array"));
    }
    if (insideMeta && s.path("x-kubernetes-embedded-resource").asBoolean(false)) {
      errors.add(
          FieldError.forbidden(
              path + ".x-kubernetes-embedded-resource",
              "must not be used inside of resource meta"));
    }
    if (s.path("uniqueItems").asBoolean(false)) {
      errors.add(
          FieldError.forbidden(
              path + ".uniqueItems",
              "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
    }
    JsonNode additional = s.get("additionalProperties");
    JsonNode properties = s.path("properties");
    if (additional != null && !additional.isNull()) {
      if (!properties.isEmpty() && (additional.isObject() || !additional.asBoolean(true))) {
        errors.add(
            FieldError.forbidden(
                path + ".additionalProperties",
                "additionalProperties and properties are mutual exclusive"));
      }
      if (additional.isObject()) {
        keywords(additional, path + ".additionalProperties", false, insideMeta, errors);
      }
    }
    boolean embedded = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      boolean meta = (root || embedded) && META_FIELDS.contains(p.getKey());
      keywords(
          p.getValue(),
          path + ".properties[" + p.getKey() + "]",
          false,
          insideMeta || meta,
          errors);
    }
    if (s.path("not").isObject()) {
      keywords(s.get("not"), path + ".not", false, insideMeta, errors);
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      JsonNode list = s.path(combinator);
      for (int i = 0; i < list.size(); i++) {
        keywords(list.get(i), path + "." + combinator + "[" + i + "]", false, insideMeta, errors);
      }
    }
    if (s.path("items").isObject()) {
      keywords(s.get("items"), path + ".items", false, insideMeta, errors);
    }
    JsonNode preserve = s.get("x-kubernetes-preserve-unknown-fields");
    if (preserve != null && preserve.isBoolean() && !preserve.booleanValue()) {
      errors.add(
          FieldError.invalid(
              path + ".x-kubernetes-preserve-unknown-fields", false, "must be true or undefined"));
    }
    listTypes(s, path, type, errors);
  }

  private static void forbid(
      JsonNode s, String field, String path, String detail, List<FieldError> errors) {
    JsonNode v = s.get(field);
    if (v != null && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty())) {
      errors.add(FieldError.forbidden(path + "." + field, detail));
    }
  }

  private static void listTypes(JsonNode s, String path, String type, List<FieldError> errors) {
    JsonNode mapType = s.get("x-kubernetes-map-type");
    if (mapType != null && !type.equals("object")) {
      errors.add(
          type.isEmpty()
              ? FieldError.required(
                  path + ".type", "must be object if x-kubernetes-map-type is specified")
              : FieldError.invalid(
                  path + ".type", type, "must be object if x-kubernetes-map-type is specified"));
    }
    if (mapType != null
        && !mapType.asText().equals("atomic")
        && !mapType.asText().equals("granular")) {
      errors.add(
          FieldError.notSupported(
              path + ".x-kubernetes-map-type", mapType.asText(), List.of("atomic", "granular")));
    }
    JsonNode listTypeNode = s.get("x-kubernetes-list-type");
    String listType = listTypeNode == null ? null : listTypeNode.asText();
    JsonNode items = s.path("items");
    if (listType != null && !type.equals("array")) {
      errors.add(
          type.isEmpty()
              ? FieldError.required(
                  path + ".type", "must be array if x-kubernetes-list-type is specified")
              : FieldError.invalid(
                  path + ".type", type, "must be array if x-kubernetes-list-type is specified"));
    } else if ("set".equals(listType) && items.isObject()) {
      String itemType = items.path("type").asText("");
      if (itemType.equals("array")
          && items.has("x-kubernetes-list-type")
          && !items.path("x-kubernetes-list-type").asText().equals("atomic")) {
        errors.add(
            FieldError.invalid(
                path + ".items.x-kubernetes-list-type",
                items.get("x-kubernetes-list-type"),
                "must be atomic as item of a list with x-kubernetes-list-type=set"));
      } else if (itemType.equals("object")
          && !items.path("x-kubernetes-map-type").asText("").equals("atomic")) {
        errors.add(
            FieldError.invalid(
                path + ".items.x-kubernetes-map-type",
                items.get("x-kubernetes-list-type"),
                "must be atomic as item of a list with x-kubernetes-list-type=set"));
      }
    }
    if (listType != null && !List.of("atomic", "set", "map").contains(listType)) {
      errors.add(
          FieldError.notSupported(
              path + ".x-kubernetes-list-type", listType, List.of("atomic", "set", "map")));
    }
    JsonNode keys = s.path("x-kubernetes-list-map-keys");
    if (!keys.isEmpty()) {
      if (listType == null) {
        errors.add(
            FieldError.required(
                path + ".x-kubernetes-list-type",
                "must be map if x-kubernetes-list-map-keys is non-empty"));
      } else if (!listType.equals("map")) {
        errors.add(
            FieldError.invalid(
                path + ".x-kubernetes-list-type",
                listType,
                "must be map if x-kubernetes-list-map-keys is non-empty"));
      }
    }
    if ("map".equals(listType)) {
      if (keys.isEmpty()) {
        errors.add(
            FieldError.required(
                path + ".x-kubernetes-list-map-keys",
                "must not be empty if x-kubernetes-list-type is map"));
      }
      if (!items.isObject()) {
        errors.add(
            FieldError.required(
                path + ".items", "must have a schema if x-kubernetes-list-type is map"));
        return;
      }
      String itemType = items.path("type").asText("");
      if (!itemType.equals("object")) {
        errors.add(
            FieldError.invalid(
                path + ".items.type",
                itemType,
                "must be object if parent array's x-kubernetes-list-type is map"));
        return;
      }
      Set<String> seenKeys = new HashSet<>();
      for (JsonNode k : keys) {
        JsonNode prop = items.path("properties").get(k.asText());
        if (prop == null) {
          errors.add(
              FieldError.invalid(
                  path + ".x-kubernetes-list-map-keys",
                  keys,
                  "entries must all be names of item properties"));
        } else if (List.of("array", "object").contains(prop.path("type").asText(""))) {
          errors.add(
              FieldError.invalid(
                  path + ".items.properties[" + k.asText() + "].type",
                  itemType,
                  "must be a scalar type if parent array's x-kubernetes-list-type is map"));
        }
        if (!seenKeys.add(k.asText())) {
          errors.add(
              FieldError.invalid(
                  path + ".x-kubernetes-list-map-keys",
                  keys,
                  "must not contain duplicate entries"));
        }
      }
    }
  }
}
