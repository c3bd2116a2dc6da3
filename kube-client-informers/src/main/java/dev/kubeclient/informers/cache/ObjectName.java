package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

/**
 * The namespace and name of an object, client-go's {@code ObjectName}; the namespace is empty for
 * cluster-scoped objects. {@link #toString()} is the store key.
 *
 * @param namespace the namespace, empty for cluster-scoped objects
 * @param name the name
 */
public record ObjectName(String namespace, String name) {
  /** Checks the parts. */
  public ObjectName {
    checkNotNull(namespace, "namespace");
    checkNotNull(name, "name");
  }

  /** The store key: {@code namespace/name}, or {@code name} when the namespace is empty. */
  @Override
  public String toString() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
