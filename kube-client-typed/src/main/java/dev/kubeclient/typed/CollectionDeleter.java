package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.ListOptions;

/**
 * The {@code deletecollection} verb.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface CollectionDeleter<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Deletes every object that {@code listOptions} selects. */
  default void deleteCollection(DeleteOptions deleteOptions, ListOptions listOptions) {
    generic().deleteCollection(deleteOptions, listOptions);
  }
}
