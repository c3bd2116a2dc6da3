package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.ApplyOptions;

/**
 * Server-side apply. Build the object from scratch with only the fields the field manager owns (a
 * new model serializes only the fields that were set), or extract them from a live object with
 * {@link ManagedFields#extract}, so that an apply claims exactly those fields.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Applier<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Applies {@code object} as the options' field manager; creates it when absent. */
  default T apply(T object, ApplyOptions options) {
    return generic().apply(object, options);
  }
}
