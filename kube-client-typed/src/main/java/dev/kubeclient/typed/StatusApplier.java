package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.ApplyOptions;

/**
 * Server-side apply of the {@code status} subresource.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface StatusApplier<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Applies the status fields of {@code object} as the options' field manager. */
  default T applyStatus(T object, ApplyOptions options) {
    return generic().applyStatus(object, options);
  }
}
