package dev.kubeclient.testing.internal.smd;

import java.util.List;

/**
 * A value does not fit its schema, as structured-merge-diff's {@code ValidationErrors} reports it:
 * each error is a path and a message ({@code .spec.replicas: expected numeric (int or float), got
 * string}), one error printed alone, several after {@code errors:} one per line.
 */
public final class SchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  SchemaException(List<String> errors) {
    super(render(errors), null, false, false);
    this.errors = List.copyOf(errors);
  }

  /** The errors, each {@code path: message}. */
  public List<String> errors() {
    return errors;
  }

  private static String render(List<String> errors) {
    if (errors.size() == 1) {
      return errors.get(0);
    }
    StringBuilder b = new StringBuilder("errors:");
    for (String e : errors) {
      b.append("\n  ").append(e);
    }
    return b.toString();
  }
}
