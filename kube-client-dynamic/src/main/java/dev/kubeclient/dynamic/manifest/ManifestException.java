package dev.kubeclient.dynamic.manifest;

import dev.kubeclient.core.errors.KubeClientException;
import org.jspecify.annotations.Nullable;

/**
 * One document of a manifest could not be read, mapped or applied. The message names the source
 * (file or {@code <inline>}), the zero-based index of the document in it, its first line and, for
 * the items of a {@code List}, the item: {@code app.yaml: document 2 (line 14): no matches for kind
 * "Widget" in version "example.com/v1"}. It never quotes the document, which may hold Secret data.
 */
public final class ManifestException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int documentIndex;
  private final int line;

  /**
   * Creates the exception.
   *
   * @param source the file or {@code <inline>}
   * @param documentIndex the zero-based index of the document in its source
   * @param line the one-based line where the document starts, or where the problem is
   * @param item the index of the item of a {@code List} document, or -1
   * @param reason what went wrong
   * @param cause the underlying failure, if any
   */
  public ManifestException(
      String source,
      int documentIndex,
      int line,
      int item,
      String reason,
      @Nullable Throwable cause) {
    super(
        source
            + ": document "
            + documentIndex
            + " (line "
            + line
            + ")"
            + (item < 0 ? "" : ", item " + item)
            + ": "
            + reason,
        cause);
    this.source = source;
    this.documentIndex = documentIndex;
    this.line = line;
  }

  /** The file the document came from, or {@code <inline>}. */
  public String source() {
    return source;
  }

  /** The zero-based index of the document in its source. */
  public int documentIndex() {
    return documentIndex;
  }

  /** The one-based line of the document or of the problem in it. */
  public int line() {
    return line;
  }
}
