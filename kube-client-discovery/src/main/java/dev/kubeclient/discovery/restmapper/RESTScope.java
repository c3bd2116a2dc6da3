package dev.kubeclient.discovery.restmapper;

/** Where objects of a resource live (apimachinery's {@code meta.RESTScope}). */
public enum RESTScope {
  /** In a namespace: {@code /namespaces/<ns>/<resource>}. */
  NAMESPACE,
  /** Cluster-wide, at the root: {@code /<resource>}. */
  ROOT;

  /** Whether objects live in a namespace. */
  public boolean namespaced() {
    return this == NAMESPACE;
  }
}
