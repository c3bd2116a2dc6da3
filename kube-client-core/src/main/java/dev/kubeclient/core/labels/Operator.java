package dev.kubeclient.core.labels;

/**
 * The operator of a label {@link Requirement}; the port of apimachinery's {@code
 * selection.Operator} as used by label selectors.
 */
public enum Operator {
  /** {@code key=value}: the label is present with the value. */
  EQUALS("="),
  /** {@code key==value}: same as {@link #EQUALS}, kept apart to print as written. */
  DOUBLE_EQUALS("=="),
  /** {@code key!=value}: the label is absent or has another value. */
  NOT_EQUALS("!="),
  /** {@code key in (a,b)}: the label is present with one of the values. */
  IN(" in "),
  /** {@code key notin (a,b)}: the label is absent or has none of the values. */
  NOT_IN(" notin "),
  /** {@code key}: the label is present. */
  EXISTS(""),
  /** {@code !key}: the label is absent. */
  DOES_NOT_EXIST("!"),
  /** {@code key>n}: the label is an integer greater than n. */
  GREATER_THAN(">"),
  /** {@code key<n}: the label is an integer less than n. */
  LESS_THAN("<");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** How the operator is written in the canonical string form. */
  public String symbol() {
    return symbol;
  }
}
