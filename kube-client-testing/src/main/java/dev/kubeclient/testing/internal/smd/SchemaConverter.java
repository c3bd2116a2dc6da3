package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Converts OpenAPI schemas (the v2 definitions of the built-in types, a CRD's structural {@code
 * openAPIV3Schema}) into a {@link Schema}, by kube-openapi's {@code schemaconv} rules: {@code
 * x-kubernetes-list-type} ({@code atomic}, {@code set}, {@code map} with {@code
 * x-kubernetes-list-map-keys}) decides how a list merges, else a {@code merge} patch strategy with
 * a merge key makes it associative, else it is atomic; {@code x-kubernetes-map-type} decides for
 * maps; an object without properties, or under {@code x-kubernetes-preserve-unknown-fields}, takes
 * unknown keys as deduced values; Quantity is a scalar and RawExtension untyped. Stateless.
 */
public final class SchemaConverter {
  private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  private static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";

  private SchemaConverter() {}

  /** Converts named definitions whose {@code $ref}s name each other. */
  public static Map<String, Schema.Atom> convertDefinitions(JsonNode definitions) {
    Map<String, Schema.Atom> types = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : definitions.properties()) {
      String name = e.getKey();
      if (name.equals(QUANTITY)) {
        types.put(name, new Schema.Atom(Schema.Scalar.UNTYPED, null, null));
      } else if (name.equals(RAW_EXTENSION)) {
        types.put(name, new Schema(Map.of(), null).resolve(Schema.TypeRef.named(Schema.UNTYPED)));
      } else if (!e.getValue().has("$ref")) {
        types.put(name, convert(e.getValue(), false));
      }
    }
    return types;
  }

  /** Converts one schema; references in it are by definition name. */
  public static Schema.Atom convert(JsonNode schema, boolean preserveUnknownFields) {
    boolean preserve =
        preserveUnknownFields
            || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    String type = schema.path("type").asText("");
    return switch (type) {
      case "" ->
          new Schema.Atom(Schema.Scalar.UNTYPED, list(schema, preserve), object(schema, preserve));
      case "object" -> new Schema.Atom(null, null, object(schema, preserve));
      case "array" -> new Schema.Atom(null, list(schema, preserve), null);
      default -> new Schema.Atom(primitive(type, schema.path("format").asText("")), null, null);
    };
  }

  private static Schema.Scalar primitive(String type, String format) {
    return switch (type) {
      case "integer", "number" -> Schema.Scalar.NUMERIC;
      case "boolean" -> Schema.Scalar.BOOLEAN;
      case "string" ->
          format.isEmpty() || format.equals("byte") ? Schema.Scalar.STRING : Schema.Scalar.UNTYPED;
      default -> Schema.Scalar.UNTYPED;
    };
  }

  private static Schema.TypeRef ref(JsonNode schema, boolean preserve) {
    String ref = schema.path("$ref").asText("");
    JsonNode allOf = schema.path("allOf");
    if (ref.isEmpty() && allOf.size() == 1 && allOf.get(0).has("$ref")) {
      ref = allOf.get(0).path("$ref").asText("");
    }
    if (!ref.isEmpty()) {
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return new Schema.TypeRef(name, null, mapRelationship(schema));
    }
    return Schema.TypeRef.inline(convert(schema, preserve));
  }

  private static Schema.MapType object(JsonNode schema, boolean preserve) {
    Map<String, Schema.StructField> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      fields.put(
          p.getKey(),
          new Schema.StructField(ref(p.getValue(), preserve), p.getValue().get("default")));
    }
    JsonNode additional = schema.get("additionalProperties");
    Schema.TypeRef element;
    if (additional == null || additional.isNull()) {
      element =
          preserve || fields.isEmpty() ? Schema.TypeRef.named(Schema.DEDUCED) : Schema.TypeRef.NONE;
    } else if (additional.isObject()) {
      element = ref(additional, preserve);
    } else if (additional.asBoolean(false)) {
      element = Schema.TypeRef.named(Schema.DEDUCED);
    } else {
      element = Schema.TypeRef.NONE;
    }
    Schema.Relationship relationship = mapRelationship(schema);
    return new Schema.MapType(
        fields, element, relationship == null ? Schema.Relationship.SEPARABLE : relationship);
  }

  private static Schema.ListType list(JsonNode schema, boolean preserve) {
    JsonNode items = schema.get("items");
    Schema.TypeRef element =
        items != null && items.isObject()
            ? ref(items, preserve)
            : Schema.TypeRef.named(Schema.UNTYPED);
    String listType = schema.path("x-kubernetes-list-type").asText("");
    switch (listType) {
      case "set":
        return new Schema.ListType(element, Schema.Relationship.ASSOCIATIVE, List.of());
      case "map":
        List<String> keys = new ArrayList<>();
        schema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
        return new Schema.ListType(element, Schema.Relationship.ASSOCIATIVE, keys);
      case "":
        break;
      default:
        return new Schema.ListType(element, Schema.Relationship.ATOMIC, List.of());
    }
    String strategy = schema.path("x-kubernetes-patch-strategy").asText("");
    if (strategy.equals("merge") || strategy.equals("merge,retainKeys")) {
      String key = schema.path("x-kubernetes-patch-merge-key").asText("");
      return new Schema.ListType(
          element, Schema.Relationship.ASSOCIATIVE, key.isEmpty() ? List.of() : List.of(key));
    }
    return new Schema.ListType(element, Schema.Relationship.ATOMIC, List.of());
  }

  private static Schema.@Nullable Relationship mapRelationship(JsonNode schema) {
    return switch (schema.path("x-kubernetes-map-type").asText("")) {
      case "atomic" -> Schema.Relationship.ATOMIC;
      case "granular" -> Schema.Relationship.SEPARABLE;
      default -> null;
    };
  }
}
