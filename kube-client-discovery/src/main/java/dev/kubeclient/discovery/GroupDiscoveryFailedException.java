package dev.kubeclient.discovery;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResourceList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Some group versions could not be discovered: client-go's {@code ErrGroupDiscoveryFailed}. It
 * carries the failures by group version and everything that did work, so that a caller (kubectl
 * with one broken aggregated API server, say) can go on with the rest.
 *
 * <p>The message lists each failed group version with its cause, sorted, as client-go's does:
 * {@code unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: ...}.
 */
public final class GroupDiscoveryFailedException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final transient Map<GroupVersion, RuntimeException> failedGroups;
  private final transient List<APIGroup> groups;
  private final transient List<APIResourceList> resources;

  /**
   * Creates the exception.
   *
   * @param failedGroups the group versions that failed, with why
   * @param groups the groups that were discovered
   * @param resources the resource lists that were discovered (for preferred-resource calls, the
   *     preferred lists)
   */
  public GroupDiscoveryFailedException(
      Map<GroupVersion, RuntimeException> failedGroups,
      List<APIGroup> groups,
      List<APIResourceList> resources) {
    super(message(failedGroups));
    Map<GroupVersion, RuntimeException> sorted = new LinkedHashMap<>();
    failedGroups.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().toString()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    this.failedGroups = java.util.Collections.unmodifiableMap(sorted);
    this.groups = List.copyOf(groups);
    this.resources = List.copyOf(resources);
    failedGroups.values().forEach(this::addSuppressed);
  }

  private static String message(Map<GroupVersion, RuntimeException> failed) {
    return "unable to retrieve the complete list of server APIs: "
        + failed.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue().getMessage())
            .sorted()
            .collect(Collectors.joining(", "));
  }

  /** The group versions that failed, sorted, with the exception of each. */
  public Map<GroupVersion, RuntimeException> failedGroups() {
    return failedGroups;
  }

  /** The groups that were discovered. */
  public List<APIGroup> groups() {
    return groups;
  }

  /** The resource lists that were discovered despite the failures. */
  public List<APIResourceList> resources() {
    return resources;
  }
}
