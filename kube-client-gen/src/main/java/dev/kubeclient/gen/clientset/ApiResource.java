package dev.kubeclient.gen.clientset;

import java.util.Map;
import java.util.Set;

/**
 * One resource as the spec's paths describe it: the input of {@link ClientSetGenerator}.
 *
 * @param group the API group, empty for the core group
 * @param version the version, such as {@code v1}
 * @param plural the resource name in URLs, such as {@code deployments}
 * @param kind the kind of its objects
 * @param namespaced whether its objects live in namespaces
 * @param verbs the verbs served on it, such as {@code get} and {@code deletecollection}
 * @param subresources its subresources by name, such as {@code status} and {@code scale}
 */
public record ApiResource(
    String group,
    String version,
    String plural,
    String kind,
    boolean namespaced,
    Set<String> verbs,
    Map<String, ApiSubresource> subresources) {
  /** Copies the collections, so the record is immutable. */
  public ApiResource {
    verbs = Set.copyOf(verbs);
    subresources = Map.copyOf(subresources);
  }

  /** {@code group/version}, or only the version for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
