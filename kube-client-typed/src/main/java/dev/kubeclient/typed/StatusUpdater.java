package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.UpdateOptions;

/**
 * The {@code update} verb of the {@code status} subresource: only status changes are kept.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface StatusUpdater<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Replaces the status of the object named by its {@code metadata.name}. */
  default T updateStatus(T object) {
    return generic().updateStatus(object, UpdateOptions.none());
  }

  /** Replaces the status with options. */
  default T updateStatus(T object, UpdateOptions options) {
    return generic().updateStatus(object, options);
  }
}
