package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.rest.PatchType;

/**
 * The {@code patch} verb: JSON patch, merge patch, strategic merge patch (built-in types) and apply
 * patches.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Patcher<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /**
   * Patches the object named {@code name}.
   *
   * @param patch a {@code String} or {@code byte[]} sent as is, or an object encoded as JSON
   */
  default T patch(String name, PatchType type, Object patch) {
    return generic().patch(name, type, patch, PatchOptions.none());
  }

  /** Patches the object, or the subresource named by {@code subresource}, with options. */
  default T patch(
      String name, PatchType type, Object patch, PatchOptions options, String... subresource) {
    return generic().patch(name, type, patch, options, subresource);
  }
}
