package dev.kubeclient.testing.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field error of apimachinery's {@code field.Error}: its type (the cause reason of an Invalid
 * status), the field path and the body that {@code ErrorBody()} prints ({@code Invalid value: "x":
 * detail}). The factories word the body exactly as apimachinery's constructors do.
 *
 * @param type the cause reason, such as {@code FieldValueInvalid}
 * @param field the field path, such as {@code spec.replicas}
 * @param body the message without the field, as a cause's message carries it
 */
public record FieldError(String type, String field, String body) {
  /** {@code field: body}, as {@code Error()} prints it. */
  public String error() {
    return field + ": " + body;
  }

  /** This error as a Status cause. */
  public ApiError.Cause cause() {
    return new ApiError.Cause(type, body, field);
  }

  /** The causes of {@code errors}, in order. */
  public static List<ApiError.Cause> causes(List<FieldError> errors) {
    List<ApiError.Cause> causes = new ArrayList<>(errors.size());
    for (FieldError e : errors) {
      causes.add(e.cause());
    }
    return causes;
  }

  /** The 422 Invalid of {@code type} named {@code name} for {@code errors}. */
  public static ApiError invalid(ResourceType type, String name, List<FieldError> errors) {
    return ApiError.invalid(type, name, causes(errors));
  }

  private static String withDetail(String head, String detail) {
    return detail.isEmpty() ? head : head + ": " + detail;
  }

  /** {@code field.Required}. */
  public static FieldError required(String field, String detail) {
    return new FieldError("FieldValueRequired", field, withDetail("Required value", detail));
  }

  /** {@code field.Forbidden}. */
  public static FieldError forbidden(String field, String detail) {
    return new FieldError("FieldValueForbidden", field, withDetail("Forbidden", detail));
  }

  /** {@code field.Invalid}; {@code value} is rendered as {@link GoFormat#value} renders it. */
  public static FieldError invalid(String field, @Nullable Object value, String detail) {
    return new FieldError(
        "FieldValueInvalid", field, withDetail("Invalid value: " + GoFormat.value(value), detail));
  }

  /** {@code field.TypeInvalid}. */
  public static FieldError typeInvalid(String field, @Nullable Object value, String detail) {
    return new FieldError(
        "FieldValueTypeInvalid",
        field,
        withDetail("Invalid value: " + GoFormat.value(value), detail));
  }

  /** {@code field.NotSupported}: the valid values are quoted as Go quotes them. */
  public static FieldError notSupported(String field, @Nullable Object value, List<String> valid) {
    String detail = "";
    if (!valid.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      for (String v : valid) {
        quoted.add(GoFormat.quote(v));
      }
      detail = "supported values: " + String.join(", ", quoted);
    }
    return new FieldError(
        "FieldValueNotSupported",
        field,
        withDetail("Unsupported value: " + GoFormat.value(value), detail));
  }

  /** {@code field.Duplicate}. */
  public static FieldError duplicate(String field, @Nullable Object value) {
    return new FieldError(
        "FieldValueDuplicate", field, "Duplicate value: " + GoFormat.value(value));
  }

  /** {@code field.TooLong} with a byte limit (negative: no limit in the message). */
  public static FieldError tooLong(String field, long max) {
    String detail =
        max >= 0
            ? "may not be more than " + max + (max == 1 ? " byte" : " bytes")
            : "value is too long";
    return new FieldError("FieldValueTooLong", field, "Too long: " + detail);
  }

  /** {@code field.TooMany}; a negative {@code actual} is left out of the message. */
  public static FieldError tooMany(String field, long actual, long max) {
    String detail =
        max >= 0
            ? "must have at most " + max + (max == 1 ? " item" : " items")
            : "has too many items";
    String head = actual >= 0 ? "Too many: " + actual : "Too many";
    return new FieldError("FieldValueTooMany", field, head + ": " + detail);
  }
}
