package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.DeleteOptions;

/**
 * The {@code delete} verb.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Deleter<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Deletes the object named {@code name}; with finalizers it stays until they are removed. */
  default void delete(String name) {
    generic().delete(name, DeleteOptions.none());
  }

  /** Deletes with options (propagation policy, grace period, preconditions, dry run). */
  default void delete(String name, DeleteOptions options) {
    generic().delete(name, options);
  }
}
