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
 *
 * <p>Like a kube-apiserver of that version with its default {@code --runtime-config}, only GA
 * versions are served unless more are enabled: since Kubernetes 1.24 beta APIs are off by default
 * (KEP-3136), alpha APIs always were, and the last beta resources kept on for compatibility
 * (flowcontrol v1beta3) are gone from the spec.
 */
public final class BuiltinTypes {
  /** Subresources with behaviour here; others (exec, log, eviction, ...) are not served. */
  private static final Set<String> SERVED_SUBRESOURCES = Set.of("status", "scale");

  private static final List<ResourceType> ALL = convert(BuiltinResources.ALL);

  private BuiltinTypes() {}

  /** Every built-in resource, of every version. */
  public static List<ResourceType> all() {
    return ALL;
  }

  /** Whether {@code version} is a GA version ({@code v1}, {@code v2}), on by default. */
  public static boolean isGa(String version) {
    return version.matches("v\\d+");
  }

  /**
   * The resources a server serves with {@code enabled} turned on: GA versions always, and each
   * alpha or beta group version named ({@code resource.k8s.io/v1beta1}), or all of them with {@code
   * api/all}, all betas with {@code api/beta}, all alphas with {@code api/alpha} (the {@code
   * --runtime-config} keys).
   *
   * @throws IllegalArgumentException naming an entry that is neither a built-in group version nor
   *     one of those keys
   */
  public static List<ResourceType> enabled(Set<String> enabled) {
    Set<String> known = new HashSet<>(Set.of("api/all", "api/beta", "api/alpha", "api/ga"));
    for (ResourceType t : ALL) {
      known.add(t.apiVersion());
    }
    for (String entry : enabled) {
      if (!known.contains(entry)) {
        throw new IllegalArgumentException(
            "unknown group version '"
                + entry
                + "': name a built-in group version such as resource.k8s.io/v1beta1, or api/all,"
                + " api/beta or api/alpha");
      }
    }
    List<ResourceType> result = new ArrayList<>();
    for (ResourceType t : ALL) {
      boolean beta = t.version().contains("beta");
      if (isGa(t.version())
          || enabled.contains("api/all")
          || enabled.contains(t.apiVersion())
          || (beta && enabled.contains("api/beta"))
          || (!beta && enabled.contains("api/alpha"))) {
        result.add(t);
      }
    }
    return List.copyOf(result);
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
