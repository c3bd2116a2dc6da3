package dev.kubeclient.discovery;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupResource;
import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.core.meta.v1.GroupVersionForDiscovery;
import dev.kubeclient.core.version.Info;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;

/**
 * What an API server serves: client-go's {@code discovery.DiscoveryInterface}, implemented by
 * {@link DiscoveryClient} (every call a request) and by the caches ({@code MemCacheClient}, the
 * disk {@code CachedDiscoveryClient}).
 *
 * <p>Implementations provide {@link #serverVersion()}, {@link #serverGroups()} and {@link
 * #serverResourcesForGroupVersion(String)}, and {@link #groupsAndMaybeResources()} when they can
 * answer groups and resources at once (aggregated discovery); the other calls are built on those as
 * client-go's helper functions build them, and implementations may override them.
 *
 * <p>Calls that gather many group versions throw {@link GroupDiscoveryFailedException} when some
 * failed; it carries everything that worked, so nothing is lost.
 *
 * <p>Implementations are safe for concurrent use.
 */
public interface DiscoveryInterface {
  /** The server's version ({@code /version}), as {@code kubectl version} prints it. */
  Info serverVersion();

  /**
   * The server's API groups with their versions and preferred versions: the core group (named
   * {@code ""}) first, then the named groups in the server's order.
   */
  APIGroupList serverGroups();

  /**
   * The resources of one group version such as {@code v1} or {@code apps/v1}, subresources ({@code
   * deployments/status}) included.
   *
   * @throws dev.kubeclient.core.errors.NotFoundException when the server does not serve it
   */
  APIResourceList serverResourcesForGroupVersion(String groupVersion);

  /**
   * The groups and, when this source has them at hand (aggregated discovery, a filled cache), the
   * resources of every group version: client-go's {@code AggregatedDiscoveryInterface}. The default
   * has groups only.
   */
  default GroupsAndMaybeResources groupsAndMaybeResources() {
    return new GroupsAndMaybeResources(serverGroups(), null, Map.of());
  }

  /**
   * Every group and the resources of each of its versions.
   *
   * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
   */
  default GroupsAndResources serverGroupsAndResources() {
    return serverGroupsAndResources(this, Runnable::run);
  }

  /**
   * For each group and resource, the resource in the version the server prefers (or, when the
   * preferred version does not have it, the first version that does): one list per group version
   * that contributes, subresources left out.
   *
   * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
   */
  default List<APIResourceList> serverPreferredResources() {
    return serverPreferredResources(this, Runnable::run);
  }

  /**
   * {@link #serverPreferredResources()} narrowed to namespaced resources; lists left empty are
   * dropped.
   *
   * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest,
   *     narrowed alike
   */
  default List<APIResourceList> serverPreferredNamespacedResources() {
    try {
      return filteredBy(
          (gv, r) -> Boolean.TRUE.equals(r.getNamespaced()), serverPreferredResources());
    } catch (GroupDiscoveryFailedException e) {
      throw new GroupDiscoveryFailedException(
          e.failedGroups(),
          e.groups(),
          filteredBy((gv, r) -> Boolean.TRUE.equals(r.getNamespaced()), e.resources()));
    }
  }

  /**
   * client-go's {@code ServerGroupsAndResources} over any source: aggregated results when the
   * source has them, else one {@link #serverResourcesForGroupVersion} per group version, run on
   * {@code executor} (a direct executor runs them one after another).
   *
   * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
   */
  static GroupsAndResources serverGroupsAndResources(DiscoveryInterface d, Executor executor) {
    checkNotNull(d, "d");
    checkNotNull(executor, "executor");
    GroupsAndMaybeResources found = d.groupsAndMaybeResources();
    List<APIGroup> groups = found.groups().getGroups();
    Map<GroupVersion, APIResourceList> byVersion;
    Map<GroupVersion, RuntimeException> failed;
    if (found.resources() != null) {
      byVersion = found.resources();
      failed = found.failed();
    } else {
      failed = new ConcurrentHashMap<>();
      byVersion = fetchGroupVersionResources(d, groups, executor, failed);
    }
    List<APIResourceList> result = new ArrayList<>();
    for (APIGroup group : groups) {
      for (GroupVersionForDiscovery v : group.getVersions()) {
        APIResourceList list = byVersion.get(new GroupVersion(nameOf(group), v.getVersion()));
        if (list != null) {
          result.add(list);
        }
      }
    }
    if (!failed.isEmpty()) {
      throw new GroupDiscoveryFailedException(failed, groups, result);
    }
    return new GroupsAndResources(groups, result);
  }

  /**
   * client-go's {@code ServerPreferredResources} over any source; see {@link
   * #serverPreferredResources()}.
   *
   * @throws GroupDiscoveryFailedException when some group versions failed; it carries the rest
   */
  static List<APIResourceList> serverPreferredResources(DiscoveryInterface d, Executor executor) {
    checkNotNull(d, "d");
    checkNotNull(executor, "executor");
    GroupsAndMaybeResources found = d.groupsAndMaybeResources();
    List<APIGroup> groups = found.groups().getGroups();
    Map<GroupVersion, APIResourceList> byVersion = found.resources();
    Map<GroupVersion, RuntimeException> failed = new ConcurrentHashMap<>(found.failed());
    if (byVersion == null) {
      byVersion = fetchGroupVersionResources(d, groups, executor, failed);
    }
    List<APIResourceList> result = new ArrayList<>();
    Map<GroupResource, String> chosenVersion = new LinkedHashMap<>();
    Map<GroupResource, APIResource> chosen = new LinkedHashMap<>();
    Map<GroupVersion, APIResourceList> lists = new LinkedHashMap<>();
    for (APIGroup group : groups) {
      String preferred =
          group.getPreferredVersion() == null ? null : group.getPreferredVersion().getVersion();
      for (GroupVersionForDiscovery v : group.getVersions()) {
        GroupVersion gv = new GroupVersion(nameOf(group), v.getVersion());
        APIResourceList resources = byVersion.get(gv);
        if (resources == null) {
          continue;
        }
        APIResourceList empty = new APIResourceList().groupVersion(v.getGroupVersion());
        lists.put(gv, empty);
        result.add(empty);
        for (APIResource r : resources.getResources()) {
          String name = r.getName() == null ? "" : r.getName();
          if (name.contains("/")) {
            continue;
          }
          GroupResource gr = new GroupResource(gv.group(), name);
          if (chosen.containsKey(gr) && !gv.version().equals(preferred)) {
            continue;
          }
          chosenVersion.put(gr, gv.version());
          chosen.put(gr, r);
        }
      }
    }
    for (Map.Entry<GroupResource, APIResource> e : chosen.entrySet()) {
      GroupVersion gv = new GroupVersion(e.getKey().group(), chosenVersion.get(e.getKey()));
      lists.get(gv).addToResources(e.getValue().deepCopy());
    }
    if (!failed.isEmpty()) {
      throw new GroupDiscoveryFailedException(failed, groups, result);
    }
    return result;
  }

  /**
   * The lists narrowed to the resources {@code predicate} accepts (given the list's group version
   * and the resource); lists left empty are dropped (client-go's {@code FilteredBy}).
   */
  static List<APIResourceList> filteredBy(
      BiPredicate<String, APIResource> predicate, List<APIResourceList> lists) {
    List<APIResourceList> result = new ArrayList<>();
    for (APIResourceList list : lists) {
      APIResourceList filtered = list.deepCopy();
      filtered.setResources(null);
      for (APIResource r : list.getResources()) {
        if (predicate.test(list.getGroupVersion(), r)) {
          filtered.addToResources(r.deepCopy());
        }
      }
      if (!filtered.getResources().isEmpty()) {
        result.add(filtered);
      }
    }
    return result;
  }

  private static Map<GroupVersion, APIResourceList> fetchGroupVersionResources(
      DiscoveryInterface d,
      List<APIGroup> groups,
      Executor executor,
      Map<GroupVersion, RuntimeException> failed) {
    Map<GroupVersion, APIResourceList> result = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    for (APIGroup group : groups) {
      for (GroupVersionForDiscovery v : group.getVersions()) {
        GroupVersion gv = new GroupVersion(nameOf(group), v.getVersion());
        tasks.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    result.put(gv, d.serverResourcesForGroupVersion(gv.toString()));
                  } catch (RuntimeException e) {
                    failed.put(gv, e);
                  }
                },
                executor));
      }
    }
    CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
    return result;
  }

  private static String nameOf(APIGroup group) {
    return group.getName() == null ? "" : group.getName();
  }
}
