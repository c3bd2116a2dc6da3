package dev.kubeclient.discovery.restmapper;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.core.meta.v1.GroupVersionForDiscovery;
import dev.kubeclient.discovery.DiscoveryInterface;
import dev.kubeclient.discovery.GroupDiscoveryFailedException;
import dev.kubeclient.discovery.GroupsAndResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An API group with the resources of each of its versions (client-go's {@code
 * restmapper.APIGroupResources}), what a discovery mapper is built from.
 *
 * @param group the group, its versions and preferred version
 * @param versionedResources the resources of each version, by version
 */
public record APIGroupResources(APIGroup group, Map<String, List<APIResource>> versionedResources) {
  private static final Logger log = LoggerFactory.getLogger(APIGroupResources.class);

  /** Copies the map. */
  public APIGroupResources {
    checkNotNull(group, "group");
    Map<String, List<APIResource>> copy = new LinkedHashMap<>();
    checkNotNull(versionedResources, "versionedResources")
        .forEach((v, list) -> copy.put(v, List.copyOf(list)));
    versionedResources = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Every group of {@code discovery} with its resources (client-go's {@code GetAPIGroupResources}).
   * Group versions that fail are left out, as in client-go (logged at DEBUG): one broken aggregated
   * API server does not stop the mapping of the rest.
   */
  public static List<APIGroupResources> fetch(DiscoveryInterface discovery) {
    checkNotNull(discovery, "discovery");
    GroupsAndResources found;
    try {
      found = discovery.serverGroupsAndResources();
    } catch (GroupDiscoveryFailedException e) {
      log.debug("Mapping without the group versions that failed: {}", e.getMessage());
      found = new GroupsAndResources(e.groups(), e.resources());
    }
    Map<String, APIResourceList> byGroupVersion = new LinkedHashMap<>();
    for (APIResourceList list : found.resources()) {
      byGroupVersion.put(list.getGroupVersion(), list);
    }
    List<APIGroupResources> result = new ArrayList<>();
    for (APIGroup group : found.groups()) {
      Map<String, List<APIResource>> versioned = new LinkedHashMap<>();
      for (GroupVersionForDiscovery v : group.getVersions()) {
        APIResourceList list = byGroupVersion.get(v.getGroupVersion());
        if (list != null) {
          versioned.put(v.getVersion(), list.getResources());
        }
      }
      result.add(new APIGroupResources(group, versioned));
    }
    return result;
  }

  /**
   * A mapper of the groups given (client-go's {@code NewDiscoveryRESTMapper}): a {@link
   * DefaultRESTMapper} per group version under a {@link PriorityRESTMapper} that prefers the core
   * group, then each group's preferred version, its other versions, and the groups in order.
   * Subresources are not mapped; {@code <Kind>List} kinds and {@code List} are.
   */
  public static RESTMapper newDiscoveryRESTMapper(List<APIGroupResources> groups) {
    checkNotNull(groups, "groups");
    List<RESTMapper> mappers = new ArrayList<>();
    List<GroupVersionResource> resourcePriority = new ArrayList<>();
    List<GroupVersionKind> kindPriority = new ArrayList<>();
    String any = PriorityRESTMapper.ANY;
    resourcePriority.add(new GroupVersionResource("", "v1", any));
    kindPriority.add(new GroupVersionKind("", "v1", any));
    List<String> groupOrder = new ArrayList<>();
    for (APIGroupResources g : groups) {
      String name = g.group().getName() == null ? "" : g.group().getName();
      groupOrder.add(name);
      String preferred =
          g.group().getPreferredVersion() == null
              ? ""
              : String.valueOf(g.group().getPreferredVersion().getVersion());
      if (!preferred.isEmpty() && g.versionedResources().containsKey(preferred)) {
        resourcePriority.add(new GroupVersionResource(name, preferred, any));
        kindPriority.add(new GroupVersionKind(name, preferred, any));
      }
      for (GroupVersionForDiscovery v : g.group().getVersions()) {
        List<APIResource> resources = g.versionedResources().get(v.getVersion());
        if (resources == null) {
          continue;
        }
        if (!v.getVersion().equals(preferred)) {
          resourcePriority.add(new GroupVersionResource(name, v.getVersion(), any));
          kindPriority.add(new GroupVersionKind(name, v.getVersion(), any));
        }
        GroupVersion gv = new GroupVersion(name, v.getVersion());
        DefaultRESTMapper mapper = new DefaultRESTMapper(List.of(gv));
        for (APIResource r : resources) {
          String resourceName = r.getName() == null ? "" : r.getName();
          if (resourceName.isEmpty() || resourceName.contains("/") || r.getKind() == null) {
            continue;
          }
          RESTScope scope =
              Boolean.TRUE.equals(r.getNamespaced()) ? RESTScope.NAMESPACE : RESTScope.ROOT;
          GroupVersionKind kind = gv.withKind(r.getKind());
          GroupVersionResource plural = gv.withResource(resourceName);
          GroupVersionResource singular =
              r.getSingularName() == null || r.getSingularName().isEmpty()
                  // Old servers do not list singular names: guess, as client-go does.
                  ? DefaultRESTMapper.guessResources(kind)[1]
                  : gv.withResource(r.getSingularName().toLowerCase(Locale.ROOT));
          mapper.addSpecific(kind, plural, singular, scope);
          mapper.add(gv.withKind(r.getKind() + "List"), scope);
        }
        mapper.add(gv.withKind("List"), RESTScope.ROOT);
        mappers.add(mapper);
      }
    }
    for (String name : groupOrder) {
      resourcePriority.add(new GroupVersionResource(name, any, any));
      kindPriority.add(new GroupVersionKind(name, any, any));
    }
    return new PriorityRESTMapper(new MultiRESTMapper(mappers), resourcePriority, kindPriority);
  }
}
