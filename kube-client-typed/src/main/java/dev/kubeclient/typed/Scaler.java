package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.typed.api.autoscaling.v1.Scale;

/**
 * The {@code scale} subresource (deployments, statefulsets, replicasets, replication controllers):
 * read and set the replica count without touching the rest of the object.
 *
 * @param <T> the object type
 * @param <L> the list type
 */
public interface Scaler<T extends KubernetesObject, L> extends TypedResource<T, L> {
  /** The scale of the object named {@code name}. */
  default Scale getScale(String name) {
    return generic().getSubresource(name, "scale", Scale.class);
  }

  /** Sets the scale of the object named {@code name}; {@code spec.replicas} is what counts. */
  default Scale updateScale(String name, Scale scale) {
    return generic().updateSubresource(name, "scale", scale, Scale.class);
  }
}
