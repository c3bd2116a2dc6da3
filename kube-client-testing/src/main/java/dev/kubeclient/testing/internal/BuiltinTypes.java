package dev.kubeclient.testing.internal;

import dev.kubeclient.core.catalog.BuiltinResources;
import dev.kubeclient.core.catalog.ResourceInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in resources the server serves: core's generated catalog of every group, version and
 * resource of the Kubernetes API, with the subresources this server implements (status and scale).
 */
public final class BuiltinTypes {
  /** Subresources with behaviour here; others (exec, log, eviction, ...) are not served. */
  private static final Set<String> SERVED_SUBRESOURCES = Set.of("status", "scale");

  private static final List<ResourceType> ALL = convert(BuiltinResources.ALL);

  private BuiltinTypes() {}

  /** Every built-in resource. */
  public static List<ResourceType> all() {
    return ALL;
  }

  private static List<ResourceType> convert(List<ResourceInfo> catalog) {
    List<ResourceType> types = new ArrayList<>();
    for (ResourceInfo r : catalog) {
      Set<String> subresources = new HashSet<>();
      for (ResourceInfo.Subresource sub : r.subresources()) {
        if (SERVED_SUBRESOURCES.contains(sub.name())) {
          subresources.add(sub.name());
        }
      }
      types.add(
          new ResourceType(
              r.group(),
              r.version(),
              r.resource(),
              r.singularName(),
              r.kind(),
              r.namespaced(),
              r.verbs(),
              r.shortNames(),
              r.categories(),
              subresources,
              true));
    }
    return List.copyOf(types);
  }
}
