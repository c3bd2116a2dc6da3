package dev.kubeclient.discovery;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResourceList;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The groups of a server and, when the server answered with aggregated discovery, the resources of
 * every group version too: client-go's {@code GroupsAndMaybeResources} result.
 *
 * @param groups the groups, the core group first
 * @param resources the resources by group version, or null when the server sent the legacy
 *     documents and each group version must be asked for separately
 * @param failed group versions aggregated discovery reported as stale, with the reason
 */
public record GroupsAndMaybeResources(
    APIGroupList groups,
    @Nullable Map<GroupVersion, APIResourceList> resources,
    Map<GroupVersion, RuntimeException> failed) {
  /** Copies the maps. */
  public GroupsAndMaybeResources {
    checkNotNull(groups, "groups");
    resources = resources == null ? null : Map.copyOf(resources);
    failed = Map.copyOf(checkNotNull(failed, "failed"));
  }
}
