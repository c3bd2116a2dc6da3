package dev.kubeclient.rest;

/** The patch formats the API server accepts (client-go's {@code types.PatchType}). */
public enum PatchType {
  /** RFC 6902 JSON patch: a list of operations. */
  JSON("application/json-patch+json"),
  /** RFC 7386 JSON merge patch. */
  MERGE("application/merge-patch+json"),
  /** Kubernetes strategic merge patch (built-in types only). */
  STRATEGIC_MERGE("application/strategic-merge-patch+json"),
  /** Server-side apply; needs the {@code fieldManager} parameter. */
  APPLY("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  /** The Content-Type header value. */
  public String contentType() {
    return contentType;
  }
}
