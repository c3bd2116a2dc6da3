package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.GetOptions;

/**
 * The {@code get} verb.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Getter<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Reads the object named {@code name}; throws NotFound when there is none. */
  default T get(String name) {
    return generic().get(name, GetOptions.none());
  }

  /** Reads the object named {@code name} with options. */
  default T get(String name, GetOptions options) {
    return generic().get(name, options);
  }
}
