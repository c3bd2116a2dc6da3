package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One node of a CustomResourceDefinition's {@code openAPIV3Schema} (apiextensions' {@code
 * JSONSchemaProps}), parsed once when the CRD is stored: the structural part (type, properties,
 * items, additionalProperties and the {@code x-kubernetes-*} extensions) that pruning and
 * defaulting walk, and the value validations that validation checks. The nested schemas of {@code
 * allOf}, {@code anyOf}, {@code oneOf} and {@code not} use the same type. Immutable and
 * thread-safe.
 */
final class StructuralSchema {
  final @Nullable String type;
  final @Nullable String format;
  final boolean nullable;
  final Map<String, StructuralSchema> properties;
  final @Nullable StructuralSchema additionalProperties;

  /** {@code additionalProperties: false} (true or a schema allows other fields). */
  final boolean additionalPropertiesForbidden;

  final boolean hasAdditionalProperties;
  final @Nullable StructuralSchema items;
  final List<String> required;
  final @Nullable List<JsonNode> enumValues;
  final @Nullable JsonNode defaultValue;
  final @Nullable Double maximum;
  final boolean exclusiveMaximum;
  final @Nullable Double minimum;
  final boolean exclusiveMinimum;
  final @Nullable Double multipleOf;
  final @Nullable Long maxLength;
  final @Nullable Long minLength;
  final @Nullable Long maxItems;
  final @Nullable Long minItems;
  final @Nullable Long maxProperties;
  final @Nullable Long minProperties;
  final @Nullable String pattern;

  /** The compiled pattern, or null when absent or when it does not compile. */
  final @Nullable Pattern compiledPattern;

  final @Nullable String patternError;
  final boolean uniqueItems;
  final boolean intOrString;
  final boolean preserveUnknownFields;
  final boolean embeddedResource;
  final @Nullable String listType;
  final List<String> listMapKeys;
  final List<StructuralSchema> allOf;
  final List<StructuralSchema> anyOf;
  final List<StructuralSchema> oneOf;
  final @Nullable StructuralSchema not;

  private StructuralSchema(JsonNode s) {
    this.type = text(s, "type");
    this.format = text(s, "format");
    this.nullable = s.path("nullable").asBoolean(false);
    Map<String, StructuralSchema> props = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : s.path("properties").properties()) {
      props.put(e.getKey(), new StructuralSchema(e.getValue()));
    }
    this.properties = Collections.unmodifiableMap(props);
    JsonNode ap = s.get("additionalProperties");
    this.hasAdditionalProperties = ap != null && !ap.isNull();
    this.additionalProperties = ap != null && ap.isObject() ? new StructuralSchema(ap) : null;
    this.additionalPropertiesForbidden = ap != null && ap.isBoolean() && !ap.booleanValue();
    JsonNode it = s.get("items");
    this.items = it != null && it.isObject() ? new StructuralSchema(it) : null;
    this.required = texts(s.path("required"));
    JsonNode en = s.get("enum");
    if (en != null && en.isArray()) {
      List<JsonNode> values = new ArrayList<>();
      en.forEach(values::add);
      this.enumValues = List.copyOf(values);
    } else {
      this.enumValues = null;
    }
    this.defaultValue = s.has("default") ? s.get("default") : null;
    this.maximum = number(s, "maximum");
    this.exclusiveMaximum = s.path("exclusiveMaximum").asBoolean(false);
    this.minimum = number(s, "minimum");
    this.exclusiveMinimum = s.path("exclusiveMinimum").asBoolean(false);
    this.multipleOf = number(s, "multipleOf");
    this.maxLength = integer(s, "maxLength");
    this.minLength = integer(s, "minLength");
    this.maxItems = integer(s, "maxItems");
    this.minItems = integer(s, "minItems");
    this.maxProperties = integer(s, "maxProperties");
    this.minProperties = integer(s, "minProperties");
    this.pattern = text(s, "pattern");
    Pattern compiled = null;
    String error = null;
    if (pattern != null && !pattern.isEmpty()) {
      try {
        compiled = Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        error = e.getDescription();
      }
    }
    this.compiledPattern = compiled;
    this.patternError = error;
    this.uniqueItems = s.path("uniqueItems").asBoolean(false);
    this.intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    this.preserveUnknownFields = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    this.embeddedResource = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    this.listType = text(s, "x-kubernetes-list-type");
    this.listMapKeys = texts(s.path("x-kubernetes-list-map-keys"));
    this.allOf = list(s.path("allOf"));
    this.anyOf = list(s.path("anyOf"));
    this.oneOf = list(s.path("oneOf"));
    JsonNode n = s.get("not");
    this.not = n != null && n.isObject() ? new StructuralSchema(n) : null;
  }

  /** Parses {@code schema} (a JSONSchemaProps object). */
  static StructuralSchema parse(JsonNode schema) {
    return new StructuralSchema(schema);
  }

  /** The schema of {@code field} of an object: its property or additionalProperties, or null. */
  @Nullable StructuralSchema field(String field) {
    StructuralSchema p = properties.get(field);
    return p != null ? p : additionalProperties;
  }

  /** Whether this node or one below it declares a default. */
  boolean hasDefaults() {
    if (defaultValue != null) {
      return true;
    }
    for (StructuralSchema p : properties.values()) {
      if (p.hasDefaults()) {
        return true;
      }
    }
    return items != null && items.hasDefaults()
        || additionalProperties != null && additionalProperties.hasDefaults();
  }

  private static @Nullable String text(JsonNode s, String field) {
    JsonNode v = s.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  private static @Nullable Double number(JsonNode s, String field) {
    JsonNode v = s.get(field);
    return v != null && v.isNumber() ? v.doubleValue() : null;
  }

  private static @Nullable Long integer(JsonNode s, String field) {
    JsonNode v = s.get(field);
    return v != null && v.isNumber() ? v.longValue() : null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    for (JsonNode n : array) {
      result.add(n.asText());
    }
    return List.copyOf(result);
  }

  private static List<StructuralSchema> list(JsonNode array) {
    List<StructuralSchema> result = new ArrayList<>();
    for (JsonNode n : array) {
      if (n.isObject()) {
        result.add(new StructuralSchema(n));
      }
    }
    return List.copyOf(result);
  }
}
