package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a CustomResourceDefinition schema is structural, with the messages of
 * apiextensions-apiserver's {@code ValidateStructural}: every specified field and item has a type
 * (or is int-or-string or preserves unknown fields), the root is an object without
 * additionalProperties, metadata at the root specifies at most name and generateName, embedded
 * resources are objects, and the schemas under allOf, anyOf, oneOf and not only add value
 * validations. Stateless.
 */
final class StructuralValidation {
  private enum Level {
    ROOT,
    ITEM,
    FIELD
  }

  private static final Set<String> ROOT_METADATA_ALLOWED = Set.of("type", "properties", "default");

  private StructuralValidation() {}

  /** Adds the structural errors of the schema at {@code path} to {@code errors} (unsorted). */
  static void check(JsonNode s, String path, List<FieldError> errors) {
    check(s, Level.ROOT, path, errors);
  }

  private static void check(JsonNode s, Level level, String path, List<FieldError> errors) {
    String type = s.path("type").asText("");
    boolean intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    boolean embedded = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    JsonNode items = s.path("items");
    JsonNode properties = s.path("properties");
    JsonNode additional = s.get("additionalProperties");
    boolean hasAdditional = additional != null && !additional.isNull();
    if (type.equals("array") && !items.isObject()) {
      errors.add(FieldError.required(path + ".items", "must be specified"));
    }
    if (items.isObject()) {
      check(items, Level.ITEM, path + ".items", errors);
    }
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      check(p.getValue(), Level.FIELD, path + ".properties[" + p.getKey() + "]", errors);
    }
    if (hasAdditional) {
      if (level == Level.ROOT) {
        errors.add(
            FieldError.forbidden(path + ".additionalProperties", "must not be used at the root"));
      }
      if (additional.isObject()) {
        check(additional, Level.FIELD, path + ".additionalProperties", errors);
      }
    }
    if (intOrString && preserve) {
      errors.add(
          FieldError.invalid(
              path + ".x-kubernetes-preserve-unknown-fields",
              true,
              "must be false if x-kubernetes-int-or-string is true"));
    }
    if (intOrString && embedded) {
      errors.add(
          FieldError.invalid(
              path + ".x-kubernetes-embedded-resource",
              true,
              "must be false if x-kubernetes-int-or-string is true"));
    }
    valueValidation(s, isIntOrStringAnyOf(s.path("anyOf")), isIntOrStringAllOf(s), path, errors);
    boolean checkMetadata = level == Level.ROOT || embedded;
    if (embedded && !type.equals("object")) {
      errors.add(
          type.isEmpty()
              ? FieldError.required(
                  path + ".type", "must be object if x-kubernetes-embedded-resource is true")
              : FieldError.invalid(
                  path + ".type",
                  type,
                  "must be object if x-kubernetes-embedded-resource is true"));
    } else if (type.isEmpty() && !intOrString && !preserve) {
      String where =
          switch (level) {
            case ROOT -> "must not be empty at the root";
            case ITEM -> "must not be empty for specified array items";
            case FIELD -> "must not be empty for specified object fields";
          };
      errors.add(FieldError.required(path + ".type", where));
    }
    if (embedded && hasAdditional) {
      errors.add(
          FieldError.forbidden(
              path + ".additionalProperties",
              "must not be used if x-kubernetes-embedded-resource is set"));
    }
    if (level == Level.ROOT && !type.isEmpty() && !type.equals("object")) {
      errors.add(FieldError.invalid(path + ".type", type, "must be object at the root"));
    }
    if (checkMetadata) {
      for (String field : List.of("kind", "apiVersion")) {
        JsonNode p = properties.get(field);
        if (p != null && !p.path("type").asText("").equals("string")) {
          errors.add(
              FieldError.invalid(
                  path + ".properties[" + field + "].type",
                  p.path("type").asText(""),
                  "must be string"));
        }
      }
    }
    JsonNode metadata = properties.get("metadata");
    if (metadata != null) {
      String metaPath = path + ".properties[metadata]";
      String metaType = metadata.path("type").asText("");
      if (checkMetadata && !metaType.equals("object")) {
        errors.add(FieldError.invalid(metaPath + ".type", metaType, "must be object"));
      }
      if (level == Level.ROOT && !onlyNames(metadata)) {
        errors.add(
            FieldError.forbidden(
                metaPath,
                "must not specify anything other than name and generateName, but metadata is"
                    + " implicitly specified"));
      }
    }
    if (embedded && !preserve && properties.isEmpty()) {
      errors.add(
          FieldError.required(
              path + ".properties",
              "must not be empty if x-kubernetes-embedded-resource is true without"
                  + " x-kubernetes-preserve-unknown-fields"));
    }
  }

  /** Whether root metadata specifies nothing but (optionally) its type and name/generateName. */
  private static boolean onlyNames(JsonNode metadata) {
    for (Map.Entry<String, JsonNode> e : metadata.properties()) {
      if (!ROOT_METADATA_ALLOWED.contains(e.getKey())) {
        return false;
      }
    }
    JsonNode props = metadata.path("properties");
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      if (!e.getKey().equals("name") && !e.getKey().equals("generateName")) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIntOrStringAnyOf(JsonNode anyOf) {
    return anyOf.size() == 2
        && anyOf.get(0).size() == 1
        && anyOf.get(0).path("type").asText("").equals("integer")
        && anyOf.get(1).size() == 1
        && anyOf.get(1).path("type").asText("").equals("string");
  }

  private static boolean isIntOrStringAllOf(JsonNode s) {
    JsonNode allOf = s.path("allOf");
    return allOf.size() >= 1 && isIntOrStringAnyOf(allOf.get(0).path("anyOf"));
  }

  private static void valueValidation(
      JsonNode v,
      boolean skipAnyOf,
      boolean skipFirstAllOfAnyOf,
      String path,
      List<FieldError> errors) {
    if (!skipAnyOf) {
      JsonNode anyOf = v.path("anyOf");
      for (int i = 0; i < anyOf.size(); i++) {
        nested(anyOf.get(i), false, path + ".anyOf[" + i + "]", errors);
      }
    }
    JsonNode allOf = v.path("allOf");
    for (int i = 0; i < allOf.size(); i++) {
      nested(allOf.get(i), skipFirstAllOfAnyOf && i == 0, path + ".allOf[" + i + "]", errors);
    }
    JsonNode oneOf = v.path("oneOf");
    for (int i = 0; i < oneOf.size(); i++) {
      nested(oneOf.get(i), false, path + ".oneOf[" + i + "]", errors);
    }
    if (v.path("not").isObject()) {
      nested(v.get("not"), false, path + ".not", errors);
    }
    String pattern = v.path("pattern").asText("");
    if (!pattern.isEmpty()) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        errors.add(
            FieldError.invalid(
                path + ".pattern",
                pattern,
                "must be a valid regular expression, but isn't: " + e.getDescription()));
      }
    }
  }

  private static void nested(JsonNode v, boolean skipAnyOf, String path, List<FieldError> errors) {
    valueValidation(v, skipAnyOf, false, path, errors);
    if (v.path("items").isObject()) {
      nested(v.get("items"), false, path + ".items", errors);
    }
    for (Map.Entry<String, JsonNode> p : v.path("properties").properties()) {
      nested(p.getValue(), false, path + ".properties[" + p.getKey() + "]", errors);
    }
    forbidden(v, "type", path, "must be empty to be structural", errors);
    JsonNode additional = v.get("additionalProperties");
    if (additional != null && !additional.isNull()) {
      errors.add(
          FieldError.forbidden(
              path + ".additionalProperties", "must be undefined to be structural"));
    }
    if (v.has("default")) {
      errors.add(FieldError.forbidden(path + ".default", "must be undefined to be structural"));
    }
    forbidden(v, "title", path, "must be empty to be structural", errors);
    forbidden(v, "description", path, "must be empty to be structural", errors);
    if (v.path("nullable").asBoolean(false)) {
      errors.add(FieldError.forbidden(path + ".nullable", "must be false to be structural"));
    }
    for (String flag :
        List.of(
            "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-embedded-resource",
            "x-kubernetes-int-or-string")) {
      if (v.path(flag).asBoolean(false)) {
        errors.add(FieldError.forbidden(path + "." + flag, "must be false to be structural"));
      }
    }
    if (!v.path("x-kubernetes-list-map-keys").isEmpty()) {
      errors.add(
          FieldError.forbidden(
              path + ".x-kubernetes-list-map-keys", "must be empty to be structural"));
    }
    for (String field : List.of("x-kubernetes-list-type", "x-kubernetes-map-type")) {
      if (v.has(field) && !v.get(field).isNull()) {
        errors.add(FieldError.forbidden(path + "." + field, "must be undefined to be structural"));
      }
    }
    if (!v.path("x-kubernetes-validations").isEmpty()) {
      errors.add(
          FieldError.forbidden(
              path + ".x-kubernetes-validations", "must be empty to be structural"));
    }
    if (v.path("properties").has("metadata")) {
      errors.add(
          FieldError.forbidden(
              path + ".properties[metadata]", "must not be specified in a nested context"));
    }
  }

  private static void forbidden(
      JsonNode v, String field, String path, String detail, List<FieldError> errors) {
    if (!v.path(field).asText("").isEmpty()) {
      errors.add(FieldError.forbidden(path + "." + field, detail));
    }
  }
}
