package dev.kubeclient.gen.clientset;

import java.util.Set;

/**
 * One subresource of an {@link ApiResource}. Its group and version are those of the object it
 * carries, which may differ from the parent's: {@code deployments/scale} carries an {@code
 * autoscaling/v1 Scale}.
 *
 * @param group the group of the object the subresource carries
 * @param version the version of that object
 * @param verbs the verbs served on it
 */
public record ApiSubresource(String group, String version, Set<String> verbs) {
  /** Copies the verbs, so the record is immutable. */
  public ApiSubresource {
    verbs = Set.copyOf(verbs);
  }
}
