package dev.kubeclient.discovery;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResourceList;
import java.util.List;

/**
 * What {@link DiscoveryInterface#serverGroupsAndResources()} returns: the API groups and the
 * resource lists of their versions, in discovery order (the core group first).
 *
 * <p>The lists are unmodifiable; the models in them are owned by the caller.
 *
 * @param groups the API groups, each with its versions and preferred version
 * @param resources the resources of each group version that was discovered
 */
public record GroupsAndResources(List<APIGroup> groups, List<APIResourceList> resources) {
  /** Copies the lists. */
  public GroupsAndResources {
    groups = List.copyOf(checkNotNull(groups, "groups"));
    resources = List.copyOf(checkNotNull(resources, "resources"));
  }
}
