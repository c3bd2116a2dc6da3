package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validates a custom resource against its {@link StructuralSchema} with the semantics and the exact
 * messages of kube-openapi's {@code validate.SchemaValidator} as apiextensions-apiserver uses it
 * ({@code ValidateCustomResource}, {@code kubeOpenAPIResultToFieldErrors}), including the
 * ratcheting of updates: a value whose errors are all in a part equal to the old object's
 * correlated part (same key; list-type map items by their keys) is accepted, as the API server's
 * {@code CRDValidationRatcheting} does.
 *
 * <p>Where Go iterates a map, the order here is the schema's (properties) or the object's (other
 * fields); the API server's order of several errors is random there. Stateless.
 */
final class SchemaValidator {
  private static final String IN = "body";

  private SchemaValidator() {}

  /** The kinds of decoded JSON values, as reflect sees Go's unstructured values. */
  private enum Kind {
    NULL,
    MAP,
    SLICE,
    STRING,
    BOOL,
    INT,
    FLOAT
  }

  private static Kind kind(JsonNode v) {
    if (v.isObject()) {
      return Kind.MAP;
    }
    if (v.isArray()) {
      return Kind.SLICE;
    }
    if (v.isTextual()) {
      return Kind.STRING;
    }
    if (v.isBoolean()) {
      return Kind.BOOL;
    }
    if (v.isNumber()) {
      return GoFormat.isInt64(v) ? Kind.INT : Kind.FLOAT;
    }
    return Kind.NULL;
  }

  /** One error of a validation result: an openapi {@code errors.Validation} or a plain error. */
  record Problem(
      @Nullable Code code,
      String name,
      @Nullable Object value,
      long valid,
      @Nullable List<JsonNode> values,
      String message) {}

  /**
   * The {@code errors.Validation} codes that {@code kubeOpenAPIResultToFieldErrors} tells apart.
   */
  enum Code {
    INVALID_TYPE,
    REQUIRED,
    TOO_LONG,
    ENUM,
    MAX_ITEMS,
    TOO_MANY_PROPERTIES,
    OTHER
  }

  /** A validation result: errors without duplicate messages, and the match count. */
  static final class Result {
    final List<Problem> errors = new ArrayList<>();
    int matchCount;

    void add(Problem p) {
      for (Problem e : errors) {
        if (e.message().equals(p.message())) {
          return;
        }
      }
      errors.add(p);
    }

    Result merge(@Nullable Result other) {
      if (other != null) {
        other.errors.forEach(this::add);
        matchCount += other.matchCount;
      }
      return this;
    }

    boolean valid() {
      return errors.isEmpty();
    }
  }

  /**
   * Validates {@code value} (the whole object, or the status under {@code fieldPath}) and returns
   * the field errors; {@code old} is the correlated old value of an update, or null.
   */
  static List<FieldError> validate(
      StructuralSchema schema, @Nullable String fieldPath, JsonNode value, @Nullable JsonNode old) {
    Result result = validate(schema, "", value, old, true);
    return toFieldErrors(fieldPath, result);
  }

  private static Result validate(
      StructuralSchema s, String path, JsonNode data, @Nullable JsonNode old, boolean root) {
    Result result = new Result();
    Kind kind = kind(data);
    if (kind == Kind.NULL) {
      result.merge(typeCheck(s, path, data, kind));
      result.merge(enumCheck(s, path, data));
      return ratchet(result, data, old);
    }
    List<String> types = types(s);
    if (!types.isEmpty() || format(s) != null) {
      result.merge(typeCheck(s, path, data, kind)).matchCount++;
    }
    result.merge(combinators(s, path, data)).matchCount++;
    if (kind == Kind.STRING) {
      result.merge(stringCheck(s, path, data.textValue())).matchCount++;
      String format = format(s);
      if (format != null && SchemaFormats.known(format)) {
        if (!SchemaFormats.valid(format, data.textValue())) {
          result.add(invalidType(path, format, data.textValue()));
        }
        result.matchCount++;
      }
    }
    if (kind == Kind.INT || kind == Kind.FLOAT) {
      result.merge(numberCheck(s, path, data, kind)).matchCount++;
    }
    if (kind == Kind.SLICE) {
      result.merge(sliceCheck(s, path, data, old)).matchCount++;
    }
    result.merge(enumCheck(s, path, data)).matchCount++;
    if (kind == Kind.MAP) {
      result.merge(objectCheck(s, path, data, old, root)).matchCount++;
    }
    result.matchCount++;
    return ratchet(result, data, old);
  }

  /** Errors of a value equal to its correlated old value become warnings, that is, go. */
  private static Result ratchet(Result result, JsonNode data, @Nullable JsonNode old) {
    if (result.valid() || old == null || !GoValues.equal(data, old)) {
      return result;
    }
    Result ratcheted = new Result();
    ratcheted.matchCount = result.matchCount;
    return ratcheted;
  }

  /** The schema's types: x-kubernetes-int-or-string means integer or string. */
  private static List<String> types(StructuralSchema s) {
    if (s.intOrString) {
      return List.of("integer", "string");
    }
    return s.type == null || s.type.isEmpty() ? List.of() : List.of(s.type);
  }

  /** The format after the API server strips those it does not check. */
  private static @Nullable String format(StructuralSchema s) {
    return SchemaFormats.supported(s.type, s.format);
  }

  private static Result typeCheck(StructuralSchema s, String path, JsonNode data, Kind kind) {
    Result result = new Result();
    result.matchCount++;
    List<String> types = types(s);
    String joined = String.join(",", types);
    if (kind == Kind.NULL) {
      if (!types.isEmpty() && !types.contains("null") && !s.nullable) {
        result.add(invalidType(path, joined, "null"));
      }
      return result;
    }
    String schType =
        switch (kind) {
          case BOOL -> "boolean";
          case STRING -> "string";
          case INT -> "integer";
          case FLOAT -> "number";
          case SLICE -> "array";
          default -> "object";
        };
    String inferredFormat = kind == Kind.INT ? "int64" : kind == Kind.FLOAT ? "float64" : "";
    boolean floatInt =
        kind == Kind.FLOAT && isJsonInteger(data.doubleValue()) && types.contains("integer");
    boolean intFloat = kind == Kind.INT && types.contains("number");
    String format = format(s);
    if (kind != Kind.STRING
        && kind != Kind.SLICE
        && format != null
        && !(types.contains(schType) || inferredFormat.equals(format) || floatInt || intFloat)) {
      result.add(invalidType(path, format, inferredFormat));
      return result;
    }
    if (!(types.contains("number") || types.contains("integer"))
        && format != null
        && (kind == Kind.STRING || kind == Kind.SLICE)) {
      return result;
    }
    if (!(types.contains(schType) || floatInt || intFloat)) {
      result.add(invalidType(path, joined, schType));
    }
    return result;
  }

  /** swag's {@code IsFloat64AJSONInteger}: a whole number within the range JSON keeps exact. */
  private static boolean isJsonInteger(double f) {
    return !Double.isNaN(f)
        && !Double.isInfinite(f)
        && Math.abs(f) <= 9007199254740991.0
        && f == Math.rint(f);
  }

  /** anyOf, oneOf, allOf and not, as kube-openapi's schemaPropsValidator checks them. */
  private static Result combinators(StructuralSchema s, String path, JsonNode data) {
    Result main = new Result();
    if (!s.anyOf.isEmpty()) {
      Result best = null;
      Result firstSuccess = null;
      boolean succeeded = false;
      for (StructuralSchema sub : s.anyOf) {
        Result r = validate(sub, path, data, null, false);
        if (r.valid()) {
          best = null;
          succeeded = true;
          firstSuccess = r;
          break;
        }
        if (best == null || r.matchCount > best.matchCount) {
          best = r;
        }
      }
      if (!succeeded) {
        main.add(plain(GoFormat.quote(path) + " must validate at least one schema (anyOf)"));
      }
      main.merge(best != null ? best : firstSuccess);
    }
    if (!s.oneOf.isEmpty()) {
      Result best = null;
      Result firstSuccess = null;
      int validated = 0;
      for (StructuralSchema sub : s.oneOf) {
        Result r = validate(sub, path, data, null, false);
        if (r.valid()) {
          validated++;
          best = null;
          if (firstSuccess == null) {
            firstSuccess = r;
          }
          continue;
        }
        if (validated == 0 && (best == null || r.matchCount > best.matchCount)) {
          best = r;
        }
      }
      if (validated != 1) {
        String more =
            validated == 0 ? "Found none valid" : "Found " + validated + " valid alternatives";
        main.add(
            plain(
                GoFormat.quote(path) + " must validate one and only one schema (oneOf). " + more));
        main.merge(best);
      } else {
        main.merge(firstSuccess);
      }
    }
    if (!s.allOf.isEmpty()) {
      int validated = 0;
      for (StructuralSchema sub : s.allOf) {
        Result r = validate(sub, path, data, null, false);
        if (r.valid()) {
          validated++;
        }
        main.merge(r);
      }
      if (validated != s.allOf.size()) {
        main.add(
            plain(
                GoFormat.quote(path)
                    + " must validate all the schemas (allOf)"
                    + (validated == 0 ? ". None validated" : "")));
      }
    }
    if (s.not != null && validate(s.not, path, data, null, false).valid()) {
      main.add(plain(GoFormat.quote(path) + " must not validate the schema (not)"));
    }
    main.matchCount++;
    return main;
  }

  private static Result stringCheck(StructuralSchema s, String path, String data) {
    Result result = new Result();
    long length = data.codePointCount(0, data.length());
    if (s.maxLength != null && length > s.maxLength) {
      result.add(
          problem(
              Code.TOO_LONG,
              path,
              data,
              s.maxLength,
              path + " in body should be at most " + s.maxLength + " chars long"));
    } else if (s.minLength != null && length < s.minLength) {
      result.add(
          other(path, data, path + " in body should be at least " + s.minLength + " chars long"));
    } else if (s.pattern != null && !s.pattern.isEmpty()) {
      if (s.compiledPattern == null) {
        result.add(
            other(
                path,
                data,
                path
                    + " in body should match '"
                    + s.pattern
                    + ", but pattern is invalid: "
                    + s.patternError
                    + "'"));
      } else if (!s.compiledPattern.matcher(data).find()) {
        result.add(other(path, data, path + " in body should match '" + s.pattern + "'"));
      }
    }
    return result;
  }

  private static Result numberCheck(StructuralSchema s, String path, JsonNode data, Kind kind) {
    Result result = new Result();
    String typeName = "";
    String format = "";
    if (!s.intOrString && "integer".equals(s.type)) {
      typeName = "integer";
      format = "int32".equals(s.format) || "int64".equals(s.format) ? s.format : "";
    } else if (!s.intOrString && "number".equals(s.type)) {
      typeName = "number";
      format = "float".equals(s.format) || "double".equals(s.format) ? s.format : "";
    }
    double asFloat = data.doubleValue();
    String checked = rangeError(data, typeName, format, "Checked", path);
    if (checked != null) {
      result.add(plain(checked));
    }
    if (s.multipleOf != null) {
      double factor = s.multipleOf;
      String rangeError = rangeError(number(factor), typeName, format, "MultipleOf", path);
      if (rangeError != null) {
        result.add(plain(rangeError));
      }
      if (rangeError == null && kind == Kind.INT) {
        long f = (long) factor;
        long v = data.longValue();
        if (f <= 0) {
          result.add(other(path, f, mustBePositive(path, Long.toString(f))));
        } else if ((v / f) * f != v) {
          result.add(other(path, v, path + " in body should be a multiple of " + f));
        }
      } else if (factor <= 0) {
        result.add(other(path, factor, mustBePositive(path, GoFormat.formatFloat(factor))));
      } else if (!isJsonInteger(factor < 1 ? 1 / factor * asFloat : asFloat / factor)) {
        result.add(
            other(
                path,
                asFloat,
                path + " in body should be a multiple of " + GoFormat.formatFloat(factor)));
      }
    }
    if (s.maximum != null) {
      bound(result, s.maximum, s.exclusiveMaximum, true, data, kind, typeName, format, path);
    }
    if (s.minimum != null) {
      bound(result, s.minimum, s.exclusiveMinimum, false, data, kind, typeName, format, path);
    }
    result.matchCount++;
    return result;
  }

  private static String mustBePositive(String path, String factor) {
    return "factor MultipleOf declared for " + path + " must be positive: " + factor;
  }

  private static void bound(
      Result result,
      double limit,
      boolean exclusive,
      boolean max,
      JsonNode data,
      Kind kind,
      String typeName,
      String format,
      String path) {
    String rangeError =
        rangeError(
            number(limit), typeName, format, max ? "Maximum boundary" : "Minimum boundary", path);
    if (rangeError != null) {
      result.add(plain(rangeError));
    }
    String verb =
        max
            ? exclusive ? " should be less than " : " should be less than or equal to "
            : exclusive ? " should be greater than " : " should be greater than or equal to ";
    if (rangeError == null && kind == Kind.INT) {
      long v = data.longValue();
      long l = (long) limit;
      boolean fails = max ? (exclusive ? v >= l : v > l) : (exclusive ? v <= l : v < l);
      if (fails) {
        result.add(other(path, v, path + " in body" + verb + l));
      }
      return;
    }
    double v = data.doubleValue();
    boolean fails =
        max ? (exclusive ? v >= limit : v > limit) : (exclusive ? v <= limit : v < limit);
    if (fails) {
      result.add(other(path, v, path + " in body" + verb + GoFormat.formatFloat(limit)));
    }
  }

  /** kube-openapi's {@code IsValueValidAgainstRange}: null when the value fits type and format. */
  private static @Nullable String rangeError(
      JsonNode value, String typeName, String format, String prefix, String path) {
    String rep =
        GoFormat.isInt64(value)
            ? Long.toString(value.longValue())
            : new BigDecimal(Double.toString(value.doubleValue()))
                .stripTrailingZeros()
                .toPlainString();
    boolean fits = true;
    if (typeName.equals("integer")) {
      try {
        long parsed = Long.parseLong(rep);
        if ("int32".equals(format)) {
          fits = parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE;
        }
      } catch (NumberFormatException e) {
        fits = false;
      }
    } else if (("float".equals(format)) && Math.abs(value.doubleValue()) > Float.MAX_VALUE) {
      fits = false;
    }
    if (fits) {
      return null;
    }
    String name = typeName.isEmpty() ? "number" : typeName;
    return format.isEmpty()
        ? prefix + " value must be of type " + name + " (default format) in " + path
        : prefix + " value must be of type " + name + " with format " + format + " in " + path;
  }

  private static JsonNode number(double d) {
    return Json.object().numberNode(d);
  }

  private static Result sliceCheck(
      StructuralSchema s, String path, JsonNode data, @Nullable JsonNode old) {
    Result result = new Result();
    int size = data.size();
    if (s.items != null) {
      for (int i = 0; i < size; i++) {
        JsonNode item = data.get(i);
        JsonNode correlated = old == null ? null : Correlation.item(s, old, item);
        result.merge(validate(s.items, path + "[" + i + "]", item, correlated, false));
      }
    }
    if (s.minItems != null && size < s.minItems) {
      result.add(
          other(
              path, (long) size, path + " in body should have at least " + s.minItems + " items"));
    }
    if (s.maxItems != null && size > s.maxItems) {
      result.add(
          problem(
              Code.MAX_ITEMS,
              path,
              (long) size,
              s.maxItems,
              path + " in body should have at most " + s.maxItems + " items"));
    }
    if (s.uniqueItems) {
      outer:
      for (int i = 0; i < size; i++) {
        for (int j = 0; j < i; j++) {
          if (GoValues.equal(data.get(i), data.get(j))) {
            result.add(other(path, null, path + " in body shouldn't contain duplicates"));
            break outer;
          }
        }
      }
    }
    result.matchCount++;
    return result;
  }

  private static @Nullable Result enumCheck(StructuralSchema s, String path, JsonNode data) {
    if (s.enumValues == null || s.enumValues.isEmpty()) {
      return null;
    }
    for (JsonNode candidate : s.enumValues) {
      if (GoValues.convertibleEqual(data, candidate)) {
        return null;
      }
    }
    Result result = new Result();
    Object value = data.isNull() ? null : data;
    result.add(
        new Problem(
            Code.ENUM,
            path,
            value,
            0,
            s.enumValues,
            path + " in body should be one of " + GoValues.sprint(s.enumValues)));
    return result;
  }

  private static Result objectCheck(
      StructuralSchema s, String path, JsonNode data, @Nullable JsonNode old, boolean root) {
    Result result = new Result();
    long keys = data.size();
    if (s.minProperties != null && keys < s.minProperties) {
      result.add(
          other(
              path,
              keys,
              path + " in body should have at least " + s.minProperties + " properties"));
    }
    if (s.maxProperties != null && keys > s.maxProperties) {
      result.add(
          problem(
              Code.TOO_MANY_PROPERTIES,
              path,
              keys,
              s.maxProperties,
              path + " in body should have at most " + s.maxProperties + " properties"));
    }
    if (s.additionalPropertiesForbidden) {
      for (Map.Entry<String, JsonNode> e : data.properties()) {
        if (!s.properties.containsKey(e.getKey())) {
          result.add(
              other(
                  path, e.getKey(), path + "." + e.getKey() + " in body is a forbidden property"));
        }
      }
    } else if (s.additionalProperties != null) {
      for (Map.Entry<String, JsonNode> e : data.properties()) {
        if (!s.properties.containsKey(e.getKey())) {
          JsonNode correlated = Correlation.field(s, old, e.getKey(), root);
          result.merge(
              validate(
                  s.additionalProperties,
                  path + "." + e.getKey(),
                  e.getValue(),
                  correlated,
                  false));
        }
      }
    }
    for (Map.Entry<String, StructuralSchema> p : s.properties.entrySet()) {
      JsonNode v = data.get(p.getKey());
      if (v != null) {
        String name = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
        JsonNode correlated = Correlation.field(s, old, p.getKey(), root);
        result.merge(validate(p.getValue(), name, v, correlated, false));
      }
    }
    for (String k : s.required) {
      if (!data.has(k)) {
        result.add(
            problem(
                Code.REQUIRED, path + "." + k, null, 0, path + "." + k + " in body is required"));
      }
    }
    return result;
  }

  private static Problem invalidType(String path, String typeName, String value) {
    return new Problem(
        Code.INVALID_TYPE,
        path,
        value,
        0,
        null,
        path + " in body must be of type " + typeName + ": " + GoFormat.quote(value));
  }

  private static Problem problem(
      Code code, String path, @Nullable Object value, long valid, String message) {
    return new Problem(code, path, value, valid, null, message);
  }

  private static Problem other(String path, @Nullable Object value, String message) {
    return new Problem(Code.OTHER, path, value, 0, null, message);
  }

  private static Problem plain(String message) {
    return new Problem(null, "", null, 0, null, message);
  }

  /** {@code kubeOpenAPIResultToFieldErrors}: openapi errors as field errors under {@code root}. */
  static List<FieldError> toFieldErrors(@Nullable String root, Result result) {
    List<FieldError> errors = new ArrayList<>();
    String rootPath = root == null ? "<nil>" : root;
    for (Problem p : result.errors) {
      if (p.code() == null) {
        errors.add(FieldError.invalid(rootPath, "", p.message()));
        continue;
      }
      String field = rootPath;
      if (!p.name().isEmpty() && !p.name().equals(".")) {
        String child = p.name().startsWith(".") ? p.name().substring(1) : p.name();
        field = root == null ? child : root + "." + child;
      }
      Object value = p.value() == null ? "" : p.value();
      errors.add(
          switch (p.code()) {
            case REQUIRED -> FieldError.required(field, "");
            case ENUM ->
                FieldError.notSupported(field, p.value(), GoValues.enumStrings(p.values()));
            case TOO_LONG -> FieldError.tooLong(field, p.valid());
            case MAX_ITEMS, TOO_MANY_PROPERTIES ->
                FieldError.tooMany(field, p.value() instanceof Long l ? l : -1, p.valid());
            case INVALID_TYPE -> FieldError.typeInvalid(field, value, p.message());
            default -> FieldError.invalid(field, value, p.message());
          });
    }
    return errors;
  }
}
