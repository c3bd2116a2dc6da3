package dev.kubeclient.dynamic.manifest;

import dev.kubeclient.core.unstructured.Unstructured;
import org.jspecify.annotations.Nullable;

/**
 * One document of a manifest as read: the object, or why it could not be read.
 *
 * @param source the file or {@code <inline>}
 * @param index the zero-based index of the document in its source
 * @param line the one-based line where it starts
 * @param item the index of the item of a {@code List} document, or -1
 * @param object the object, when it could be read
 * @param error why it could not, otherwise
 */
record ManifestDocument(
    String source,
    int index,
    int line,
    int item,
    @Nullable Unstructured object,
    @Nullable ManifestException error) {

  /** A failure of this document, for {@code reason}. */
  ManifestException fail(String reason, @Nullable Throwable cause) {
    return new ManifestException(source, index, line, item, reason, cause);
  }
}
