package dev.kubeclient.typed;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.UpdateOptions;
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
    return getScale(name, GetOptions.none());
  }

  /** The scale of the object named {@code name} (client-go's {@code GetScale} with options). */
  default Scale getScale(String name, GetOptions options) {
    return generic().getSubresource(name, "scale", options, Scale.class);
  }

  /** Sets the scale of the object named {@code name}; {@code spec.replicas} is what counts. */
  default Scale updateScale(String name, Scale scale) {
    return updateScale(name, scale, UpdateOptions.none());
  }

  /**
   * Sets the scale with update options, such as {@code dryRun} or {@code fieldManager} (client-go's
   * {@code UpdateScale}).
   */
  default Scale updateScale(String name, Scale scale, UpdateOptions options) {
    return generic().updateSubresource(name, "scale", scale, options, Scale.class);
  }
}
