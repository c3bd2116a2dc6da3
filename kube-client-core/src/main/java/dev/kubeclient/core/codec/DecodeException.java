package dev.kubeclient.core.codec;

import dev.kubeclient.core.errors.KubeClientException;
import org.jspecify.annotations.Nullable;

/**
 * Input that is not valid JSON or YAML, or does not fit the type it is decoded into. The message
 * names the document (its index in a multi-document stream), the line and column where known, and
 * the field path. It never quotes the input beyond the offending token, since documents may hold
 * Secret data.
 */
public class DecodeException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final int documentIndex;
  private final int line;
  private final int column;

  /**
   * Creates an exception.
   *
   * @param message the full message
   * @param documentIndex zero-based index of the document in its stream, -1 if not in a stream
   * @param line one-based line, -1 if unknown
   * @param column one-based column, -1 if unknown
   */
  public DecodeException(
      String message, int documentIndex, int line, int column, @Nullable Throwable cause) {
    super(message, cause);
    this.documentIndex = documentIndex;
    this.line = line;
    this.column = column;
  }

  /** Zero-based index of the failing document in a multi-document stream; -1 if not a stream. */
  public int documentIndex() {
    return documentIndex;
  }

  /** One-based line of the problem; -1 if unknown. */
  public int line() {
    return line;
  }

  /** One-based column of the problem; -1 if unknown. */
  public int column() {
    return column;
  }
}
