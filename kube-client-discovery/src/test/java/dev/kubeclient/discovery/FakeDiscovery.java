package dev.kubeclient.discovery;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.core.meta.v1.GroupVersionForDiscovery;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.version.Info;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A discovery source in memory that counts what it is asked: groups and resources set by the test,
 * failures injected per group version, and aggregated answers on request. Safe for concurrent use.
 */
public final class FakeDiscovery implements DiscoveryInterface {
  private final Map<GroupVersion, List<String>> resources = new ConcurrentHashMap<>();
  private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> resourceCalls = new ConcurrentHashMap<>();
  private final AtomicInteger groupCalls = new AtomicInteger();
  private volatile boolean aggregated;
  private volatile RuntimeException groupsFailure;

  /** Serves {@code gv} with resources of these names (kinds are the capitalized singular). */
  public FakeDiscovery serve(String groupVersion, String... names) {
    resources.put(GroupVersion.parse(groupVersion), List.of(names));
    return this;
  }

  /** Answers with groups and resources at once, as aggregated discovery does. */
  public FakeDiscovery aggregated(boolean aggregated) {
    this.aggregated = aggregated;
    return this;
  }

  /** Fails requests for {@code groupVersion} with {@code failure}; null to stop. */
  public FakeDiscovery fail(String groupVersion, RuntimeException failure) {
    if (failure == null) {
      failures.remove(groupVersion);
    } else {
      failures.put(groupVersion, failure);
    }
    return this;
  }

  /** Fails group requests with {@code failure}; null to stop. */
  public FakeDiscovery failGroups(RuntimeException failure) {
    this.groupsFailure = failure;
    return this;
  }

  /** An API error with {@code code}. */
  public static ApiException apiError(int code) {
    return ApiException.fromStatus(
        new Status()
            .code(code)
            .reason(code >= 500 ? "ServiceUnavailable" : "Forbidden")
            .message("injected " + code));
  }

  /** How many times groups were asked for. */
  public int groupCalls() {
    return groupCalls.get();
  }

  /** How many times one group version's resources were asked for. */
  public int resourceCalls(String groupVersion) {
    AtomicInteger n = resourceCalls.get(groupVersion);
    return n == null ? 0 : n.get();
  }

  /** How many times any group version's resources were asked for. */
  public int resourceCalls() {
    return resourceCalls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  @Override
  public Info serverVersion() {
    return new Info().major("1").minor("36");
  }

  @Override
  public APIGroupList serverGroups() {
    groupCalls.incrementAndGet();
    RuntimeException f = groupsFailure;
    if (f != null) {
      throw f;
    }
    Map<String, APIGroup> groups = new LinkedHashMap<>();
    resources.keySet().stream()
        .sorted(
            (a, b) ->
                a.group().isEmpty()
                    ? -1
                    : b.group().isEmpty() ? 1 : a.toString().compareTo(b.toString()))
        .forEach(
            gv -> {
              APIGroup g = groups.computeIfAbsent(gv.group(), n -> new APIGroup().name(n));
              GroupVersionForDiscovery v =
                  new GroupVersionForDiscovery().groupVersion(gv.toString()).version(gv.version());
              g.addToVersions(v);
              if (g.getPreferredVersion() == null) {
                g.preferredVersion(v.deepCopy());
              }
            });
    return new APIGroupList().groups(new ArrayList<>(groups.values()));
  }

  @Override
  public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
    resourceCalls.computeIfAbsent(groupVersion, k -> new AtomicInteger()).incrementAndGet();
    RuntimeException f = failures.get(groupVersion);
    if (f != null) {
      throw f;
    }
    List<String> names = resources.get(GroupVersion.parse(groupVersion));
    if (names == null) {
      throw apiError(404);
    }
    return list(groupVersion, names);
  }

  @Override
  public GroupsAndMaybeResources groupsAndMaybeResources() {
    APIGroupList groups = serverGroups();
    if (!aggregated) {
      return new GroupsAndMaybeResources(groups, null, Map.of());
    }
    Map<GroupVersion, APIResourceList> lists = new LinkedHashMap<>();
    Map<GroupVersion, RuntimeException> failed = new LinkedHashMap<>();
    resources.forEach(
        (gv, names) -> {
          if (failures.containsKey(gv.toString())) {
            failed.put(gv, new StaleGroupVersionException(gv));
          } else {
            lists.put(gv, list(gv.toString(), names));
          }
        });
    return new GroupsAndMaybeResources(groups, lists, failed);
  }

  private static APIResourceList list(String groupVersion, List<String> names) {
    APIResourceList list = new APIResourceList().groupVersion(groupVersion);
    for (String name : names) {
      String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
      list.addToResources(
          new APIResource()
              .name(name)
              .singularName(singular)
              .namespaced(true)
              .kind(Character.toUpperCase(singular.charAt(0)) + singular.substring(1))
              .verbs(List.of("get", "list")));
    }
    return list;
  }
}
