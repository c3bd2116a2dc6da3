package dev.kubeclient.dynamic;

/**
 * A resource's calls cluster-wide (for cluster-scoped resources, or across all namespaces for list,
 * watch) that can be narrowed to one namespace: client-go's {@code
 * dynamic.NamespaceableResourceInterface}.
 */
public interface NamespaceableResourceInterface extends ResourceInterface {
  /**
   * The same resource in {@code namespace}; an empty namespace means cluster-wide.
   *
   * @throws IllegalArgumentException when the namespace is not a valid path segment
   */
  ResourceInterface namespace(String namespace);
}
