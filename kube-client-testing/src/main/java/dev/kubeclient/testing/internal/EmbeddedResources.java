package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules for values marked {@code x-kubernetes-embedded-resource} inside a custom resource, as
 * apiextensions-apiserver's {@code objectmeta} package applies them: while decoding, apiVersion and
 * kind must be strings and metadata keeps only ObjectMeta's fields ({@link #coerce}); when
 * validating, apiVersion and kind are required and well formed and the metadata name is a valid
 * path segment ({@link #validate}). Stateless.
 */
final class EmbeddedResources {
  private static final String DNS1035_FORMAT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1035 = Pattern.compile("^" + DNS1035_FORMAT + "$");

  private EmbeddedResources() {}

  /**
   * Coerces the embedded resources below the root of {@code object} in place and returns the paths
   * of the metadata fields it dropped; a non-string apiVersion or kind is the returned error.
   */
  static @Nullable FieldError coerce(
      JsonNode object, @Nullable StructuralSchema schema, List<String> unknown) {
    return coerce(null, object, schema, false, unknown);
  }

  private static @Nullable FieldError coerce(
      @Nullable String path,
      JsonNode x,
      @Nullable StructuralSchema s,
      boolean embedded,
      List<String> unknown) {
    if (s == null) {
      return null;
    }
    if (x instanceof ObjectNode map) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(map.properties());
      for (Map.Entry<String, JsonNode> e : entries) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (embedded) {
          if ((k.equals("apiVersion") || k.equals("kind")) && !v.isTextual()) {
            return FieldError.invalid(child(path, k), v, "must be a string");
          }
          if (k.equals("metadata") && v.isObject()) {
            unknown.addAll(
                BuiltinSchemas.get().pruneObjectMeta((ObjectNode) v, child(path, "metadata")));
            if (v.path("creationTimestamp").isNull()) {
              ((ObjectNode) v).remove("creationTimestamp");
            }
          }
        }
        StructuralSchema prop = s.properties.get(k);
        FieldError error = null;
        if (prop != null) {
          error = coerce(child(path, k), v, prop, prop.embeddedResource, unknown);
        } else if (s.additionalProperties != null) {
          error =
              coerce(
                  key(path, k),
                  v,
                  s.additionalProperties,
                  s.additionalProperties.embeddedResource,
                  unknown);
        }
        if (error != null) {
          return error;
        }
      }
    } else if (x.isArray() && s.items != null) {
      for (int i = 0; i < x.size(); i++) {
        FieldError error =
            coerce(index(path, i), x.get(i), s.items, s.items.embeddedResource, unknown);
        if (error != null) {
          return error;
        }
      }
    }
    return null;
  }

  /** The errors of the embedded resources below the root of {@code object}. */
  static List<FieldError> validate(JsonNode object, @Nullable StructuralSchema schema) {
    List<FieldError> errors = new ArrayList<>();
    validate(null, object, schema, false, errors);
    return errors;
  }

  private static void validate(
      @Nullable String path,
      JsonNode x,
      @Nullable StructuralSchema s,
      boolean embedded,
      List<FieldError> errors) {
    if (s == null) {
      return;
    }
    if (x.isObject()) {
      if (embedded) {
        validateResource(path, x, errors);
      }
      for (Map.Entry<String, JsonNode> e : x.properties()) {
        StructuralSchema prop = s.properties.get(e.getKey());
        if (prop != null) {
          validate(child(path, e.getKey()), e.getValue(), prop, prop.embeddedResource, errors);
        } else if (s.additionalProperties != null) {
          validate(
              key(path, e.getKey()),
              e.getValue(),
              s.additionalProperties,
              s.additionalProperties.embeddedResource,
              errors);
        }
      }
    } else if (x.isArray() && s.items != null) {
      for (int i = 0; i < x.size(); i++) {
        validate(index(path, i), x.get(i), s.items, s.items.embeddedResource, errors);
      }
    }
  }

  private static void validateResource(@Nullable String path, JsonNode x, List<FieldError> errors) {
    if (!x.has("apiVersion")) {
      errors.add(FieldError.required(child(path, "apiVersion"), ""));
    }
    if (!x.has("kind")) {
      errors.add(FieldError.required(child(path, "kind"), ""));
    }
    for (Map.Entry<String, JsonNode> e : x.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "apiVersion" -> {
          String field = child(path, "apiVersion");
          if (!v.isTextual()) {
            errors.add(FieldError.invalid(field, v, "must be a string"));
          } else if (v.textValue().isEmpty()) {
            errors.add(FieldError.invalid(field, "", "must not be empty"));
          } else if (v.textValue().split("/", -1).length > 2) {
            errors.add(
                FieldError.invalid(field, v, "unexpected GroupVersion string: " + v.textValue()));
          }
        }
        case "kind" -> {
          String field = child(path, "kind");
          if (!v.isTextual()) {
            errors.add(FieldError.invalid(field, v, "must be a string"));
          } else if (v.textValue().isEmpty()) {
            errors.add(FieldError.invalid(field, "", "must not be empty"));
          } else {
            List<String> problems = dns1035Label(v.textValue().toLowerCase(Locale.ROOT));
            if (!problems.isEmpty()) {
              errors.add(
                  FieldError.invalid(
                      field,
                      v,
                      "may have mixed case, but should otherwise match: "
                          + String.join(",", problems)));
            }
          }
        }
        case "metadata" -> {
          String name = v.path("name").asText("");
          String field = child(child(path, "metadata"), "name");
          if (name.equals(".") || name.equals("..")) {
            errors.add(FieldError.invalid(field, name, "may not be '" + name + "'"));
          } else {
            for (String illegal : new String[] {"/", "%"}) {
              if (name.contains(illegal)) {
                errors.add(FieldError.invalid(field, name, "may not contain '" + illegal + "'"));
              }
            }
          }
        }
        default -> {
          // Other fields are the schema's business.
        }
      }
    }
  }

  /** apimachinery's {@code IsDNS1035Label} messages. */
  static List<String> dns1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!DNS1035.matcher(value).matches()) {
      errs.add(
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with"
              + " an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', "
              + " or 'abc-123', regex used for validation is '"
              + DNS1035_FORMAT
              + "')");
    }
    return errs;
  }

  private static String child(@Nullable String path, String name) {
    return path == null ? name : path + "." + name;
  }

  private static String key(@Nullable String path, String key) {
    return (path == null ? "" : path) + "[" + key + "]";
  }

  private static String index(@Nullable String path, int i) {
    return (path == null ? "" : path) + "[" + i + "]";
  }
}
