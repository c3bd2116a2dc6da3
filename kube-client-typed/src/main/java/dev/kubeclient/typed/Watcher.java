package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.rest.Watch;

/**
 * The {@code watch} verb.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Watcher<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Starts a watch from {@code options.resourceVersion()}; the caller must close it. */
  default Watch<T> watch(ListOptions options) {
    return generic().watch(options);
  }
}
