package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.ListOptions;

/**
 * The {@code list} verb.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Lister<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Lists every object, in one response. */
  default L list() {
    return generic().list(ListOptions.none());
  }

  /** Lists with options (selectors, paging, resourceVersion). */
  default L list(ListOptions options) {
    return generic().list(options);
  }
}
