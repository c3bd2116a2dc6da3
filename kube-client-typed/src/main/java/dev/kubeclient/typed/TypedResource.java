package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;

/**
 * A typed client of one resource. The verb interfaces ({@link Getter}, {@link Lister}, ...) extend
 * this one; each generated client implements exactly the verbs its resource serves.
 *
 * @param <T> the object type
 * @param <L> the list type ({@link Void} for resources that cannot be listed)
 */
public interface TypedResource<T extends KubernetesObject, L> {
  /** The generic client underneath, for calls no verb interface offers. */
  ResourceClient<T, L> generic();
}
