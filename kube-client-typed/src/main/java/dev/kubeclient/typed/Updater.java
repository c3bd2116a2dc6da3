package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.UpdateOptions;

/**
 * The {@code update} verb.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Updater<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /**
   * Replaces the object named by its {@code metadata.name}. A stale {@code resourceVersion} gives a
   * Conflict: read again and retry.
   */
  default T update(T object) {
    return generic().update(object, UpdateOptions.none());
  }

  /** Replaces the object with options. */
  default T update(T object, UpdateOptions options) {
    return generic().update(object, options);
  }
}
