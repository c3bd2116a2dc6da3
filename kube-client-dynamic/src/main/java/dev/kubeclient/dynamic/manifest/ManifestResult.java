package dev.kubeclient.dynamic.manifest;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.errors.KubeClientException;
import java.util.List;

/**
 * The results of applying a manifest, one per document (each item of a {@code List} document
 * counting as one), in the order of the documents. Immutable.
 *
 * @param documents the result of each document
 */
public record ManifestResult(List<DocumentResult> documents) {
  /** Copies the list. */
  public ManifestResult {
    documents = List.copyOf(checkNotNull(documents, "documents"));
  }

  /** The documents that failed. */
  public List<DocumentResult> failed() {
    return documents.stream().filter(d -> !d.succeeded()).toList();
  }

  /** Whether every document was applied. */
  public boolean succeeded() {
    return documents.stream().allMatch(DocumentResult::succeeded);
  }

  /**
   * Throws when any document failed: the message counts the failures and quotes the first, whose
   * {@link ManifestException} is the cause; the others are suppressed.
   *
   * @return this, when every document was applied
   * @throws KubeClientException naming the failures
   */
  public ManifestResult throwIfFailed() {
    List<DocumentResult> failed = failed();
    if (failed.isEmpty()) {
      return this;
    }
    ManifestException first = failed.get(0).error();
    KubeClientException e =
        new KubeClientException(
            failed.size()
                + " of "
                + documents.size()
                + " documents failed; the first: "
                + (first == null ? "unknown" : first.getMessage()),
            first);
    for (DocumentResult other : failed.subList(1, failed.size())) {
      if (other.error() != null) {
        e.addSuppressed(other.error());
      }
    }
    throw e;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (DocumentResult d : documents) {
      b.append(d).append('\n');
    }
    return b.toString();
  }
}
