package dev.kubeclient.dynamic.manifest;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.unstructured.Unstructured;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one document of a manifest: which object it was and whether it was created,
 * changed, left as it was, or failed (with the reason).
 *
 * @param source the file or {@code <inline>}
 * @param index the zero-based index of the document in its source
 * @param line the one-based line where the document starts
 * @param apiVersion the document's apiVersion, when it had one
 * @param kind the document's kind, when it had one
 * @param namespace the namespace it was applied in, or null (cluster-scoped or not mapped)
 * @param name its metadata.name, when it had one
 * @param outcome what happened
 * @param error why it failed, for {@link Outcome#FAILED}
 * @param object the object as the server returned it after applying, unless it failed
 */
public record DocumentResult(
    String source,
    int index,
    int line,
    @Nullable String apiVersion,
    @Nullable String kind,
    @Nullable String namespace,
    @Nullable String name,
    Outcome outcome,
    @Nullable ManifestException error,
    @Nullable Unstructured object) {

  /** What happened to a document. */
  public enum Outcome {
    /** The object did not exist and was created. */
    CREATED,
    /** The object existed and was changed. */
    CONFIGURED,
    /** The object existed and applying it changed nothing. */
    UNCHANGED,
    /** The document was not applied; {@link #error()} says why. */
    FAILED
  }

  /** Checks the required parts. */
  public DocumentResult {
    checkNotNull(source, "source");
    checkNotNull(outcome, "outcome");
  }

  /** Whether it was applied (created, configured or unchanged). */
  public boolean succeeded() {
    return outcome != Outcome.FAILED;
  }

  /** As kubectl prints it: {@code deployment.apps/web configured}, or the failure. */
  @Override
  public String toString() {
    if (outcome == Outcome.FAILED) {
      return String.valueOf(error == null ? "failed" : error.getMessage());
    }
    String group =
        apiVersion != null && apiVersion.contains("/")
            ? "." + apiVersion.substring(0, apiVersion.indexOf('/'))
            : "";
    String lowerKind = kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT);
    return lowerKind + group + "/" + name + " " + outcome.name().toLowerCase(java.util.Locale.ROOT);
  }
}
