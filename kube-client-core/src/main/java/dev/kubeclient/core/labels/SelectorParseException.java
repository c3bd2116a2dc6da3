package dev.kubeclient.core.labels;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * A label or field selector string that does not parse or names an invalid key or value. The
 * message quotes the selector and states the zero-based character position of the problem.
 */
public class SelectorParseException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final String selector;
  private final int position;

  /** Creates an exception for {@code selector} with a problem at {@code position}. */
  public SelectorParseException(String selector, int position, String problem) {
    super("invalid selector \"" + selector + "\" at position " + position + ": " + problem);
    this.selector = selector;
    this.position = position;
  }

  /** The selector text that failed to parse. */
  public String selector() {
    return selector;
  }

  /** The zero-based position of the problem in {@link #selector()}. */
  public int position() {
    return position;
  }
}
