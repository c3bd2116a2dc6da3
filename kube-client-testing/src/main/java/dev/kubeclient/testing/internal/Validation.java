package dev.kubeclient.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Name checks with the messages of apimachinery's {@code validation.IsDNS1123Subdomain} and {@code
 * IsDNS1123Label}, reported as field causes of an Invalid status.
 */
public final class Validation {
  private static final String LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN_FORMAT = LABEL_FORMAT + "(\\." + LABEL_FORMAT + ")*";
  private static final Pattern LABEL = Pattern.compile(LABEL_FORMAT);
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);

  private Validation() {}

  /** The causes for an invalid object name of {@code type}; empty when the name is valid. */
  public static List<ApiError.Cause> name(ResourceType type, String name) {
    List<ApiError.Cause> causes = new ArrayList<>();
    boolean label = type.group().isEmpty() && "namespaces".equals(type.plural());
    if (label) {
      if (name.length() > 63) {
        causes.add(invalid("metadata.name", name, "must be no more than 63 characters"));
      }
      if (!LABEL.matcher(name).matches()) {
        causes.add(
            invalid(
                "metadata.name",
                name,
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
                    + " '-', and must start and end with an alphanumeric character (e.g. 'my-name',"
                    + "  or '123-abc', regex used for validation is '"
                    + LABEL_FORMAT
                    + "')"));
      }
    } else {
      if (name.length() > 253) {
        causes.add(invalid("metadata.name", name, "must be no more than 253 characters"));
      }
      if (!SUBDOMAIN.matcher(name).matches()) {
        causes.add(
            invalid(
                "metadata.name",
                name,
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                    + " characters, '-' or '.', and must start and end with an alphanumeric"
                    + " character (e.g. 'example.com', regex used for validation is '"
                    + SUBDOMAIN_FORMAT
                    + "')"));
      }
    }
    return causes;
  }

  /** A FieldValueInvalid cause. */
  public static ApiError.Cause invalid(String field, String value, String detail) {
    return new ApiError.Cause(
        "FieldValueInvalid", "Invalid value: " + Json.quote(value) + ": " + detail, field);
  }

  /** A FieldValueRequired cause. */
  public static ApiError.Cause required(String field, String detail) {
    return new ApiError.Cause("FieldValueRequired", "Required value: " + detail, field);
  }
}
