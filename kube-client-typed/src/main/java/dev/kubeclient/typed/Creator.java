package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.CreateOptions;

/**
 * The {@code create} verb.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Creator<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** Creates the object and returns it as stored; AlreadyExists when the name is taken. */
  default T create(T object) {
    return generic().create(object, CreateOptions.none());
  }

  /** Creates the object with options (dry run, field manager). */
  default T create(T object, CreateOptions options) {
    return generic().create(object, options);
  }
}
