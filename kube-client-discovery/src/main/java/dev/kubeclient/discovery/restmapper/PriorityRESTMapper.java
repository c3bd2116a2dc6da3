package dev.kubeclient.discovery.restmapper;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Chooses one of several matches by priority patterns (apimachinery's {@code
 * meta.PriorityRESTMapper}): each pattern ({@code *} matching anything in a part) narrows the
 * matches; a pattern matching none is skipped, one matching exactly one decides. Discovery builds
 * the patterns so that the core group comes first, then each group's preferred version, its other
 * versions, and the groups in the server's order.
 *
 * <p>One deliberate difference from client-go: when a partial resource matches in two or more API
 * groups none of which is Kubernetes' own (custom resource groups, which the API server orders only
 * by name), it throws {@link AmbiguousResourceException} naming them instead of taking the first;
 * qualify the name with its group. Built-in groups (the core group, {@code apps}, {@code batch},
 * ..., {@code *.k8s.io}) still win over others by priority, as in kubectl ({@code events} is the
 * core group's).
 *
 * <p>Immutable; safe for concurrent use when the delegate is.
 */
public final class PriorityRESTMapper implements RESTMapper {
  /** Matches any group, version, resource or kind in a pattern. */
  public static final String ANY = "*";

  private static final Set<String> LEGACY_KUBERNETES_GROUPS =
      Set.of("", "apps", "autoscaling", "batch", "extensions", "policy");

  private final RESTMapper delegate;
  private final List<GroupVersionResource> resourcePriority;
  private final List<GroupVersionKind> kindPriority;

  /** A mapper choosing among {@code delegate}'s matches by the patterns given, first first. */
  public PriorityRESTMapper(
      RESTMapper delegate,
      List<GroupVersionResource> resourcePriority,
      List<GroupVersionKind> kindPriority) {
    this.delegate = checkNotNull(delegate, "delegate");
    this.resourcePriority = List.copyOf(checkNotNull(resourcePriority, "resourcePriority"));
    this.kindPriority = List.copyOf(checkNotNull(kindPriority, "kindPriority"));
  }

  @Override
  public GroupVersionResource resourceFor(GroupVersionResource partial) {
    List<GroupVersionResource> original = delegate.resourcesFor(partial);
    if (original.size() == 1) {
      return original.get(0);
    }
    if (spansCustomGroups(original, GroupVersionResource::group)) {
      throw new AmbiguousResourceException(partial, original, List.of());
    }
    GroupVersionResource chosen = choose(original, resourcePriority, PriorityRESTMapper::matches);
    if (chosen == null) {
      throw new AmbiguousResourceException(partial, original, List.of());
    }
    return chosen;
  }

  @Override
  public GroupVersionKind kindFor(GroupVersionResource partial) {
    List<GroupVersionKind> original = delegate.kindsFor(partial);
    if (original.size() == 1) {
      return original.get(0);
    }
    if (spansCustomGroups(original, GroupVersionKind::group)) {
      throw new AmbiguousResourceException(partial, List.of(), original);
    }
    GroupVersionKind chosen = choose(original, kindPriority, PriorityRESTMapper::matches);
    if (chosen == null) {
      throw new AmbiguousResourceException(partial, List.of(), original);
    }
    return chosen;
  }

  @Override
  public RESTMapping restMapping(GroupKind groupKind, String... versions) {
    List<RESTMapping> mappings = delegate.restMappings(groupKind, versions);
    if (mappings.size() == 1) {
      return mappings.get(0);
    }
    // Versions the caller gives come before the discovered priorities.
    List<GroupVersionKind> priorities = new ArrayList<>();
    for (String v : versions) {
      priorities.add(new GroupVersionKind(groupKind.group(), v, ANY));
    }
    priorities.addAll(kindPriority);
    List<RESTMapping> remaining = mappings;
    for (GroupVersionKind pattern : priorities) {
      List<RESTMapping> matching = new ArrayList<>();
      for (RESTMapping m : remaining) {
        if (matches(pattern, m.groupVersionKind())) {
          matching.add(m);
        }
      }
      if (matching.size() == 1) {
        return matching.get(0);
      }
      if (matching.size() > 1) {
        remaining = matching;
      }
    }
    if (remaining.size() == 1) {
      return remaining.get(0);
    }
    throw new AmbiguousKindException(groupKind.withVersion(""), MultiRESTMapper.kinds(mappings));
  }

  @Override
  public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
    return delegate.restMappings(groupKind, versions);
  }

  @Override
  public List<GroupVersionResource> resourcesFor(GroupVersionResource partial) {
    return delegate.resourcesFor(partial);
  }

  @Override
  public List<GroupVersionKind> kindsFor(GroupVersionResource partial) {
    return delegate.kindsFor(partial);
  }

  @Override
  public String resourceSingularizer(String resource) {
    return delegate.resourceSingularizer(resource);
  }

  @Override
  public void reset() {
    delegate.reset();
  }

  /**
   * Whether a group is Kubernetes' own: the groups of kube-apiserver and the reserved {@code
   * *.k8s.io} and {@code *.kubernetes.io} ones, which a CRD may only use with approval.
   */
  static boolean isKubernetesGroup(String group) {
    return LEGACY_KUBERNETES_GROUPS.contains(group)
        || group.endsWith(".k8s.io")
        || group.endsWith(".kubernetes.io")
        || group.equals("k8s.io")
        || group.equals("kubernetes.io");
  }

  private static <T> boolean spansCustomGroups(List<T> candidates, Function<T, String> group) {
    Set<String> custom = new LinkedHashSet<>();
    for (T c : candidates) {
      String g = group.apply(c);
      if (isKubernetesGroup(g)) {
        return false;
      }
      custom.add(g);
    }
    return custom.size() > 1;
  }

  private static <T, P> @Nullable T choose(
      List<T> original, List<P> patterns, BiPredicate<P, T> matches) {
    List<T> remaining = original;
    for (P pattern : patterns) {
      List<T> matched = new ArrayList<>();
      for (T candidate : remaining) {
        if (matches.test(pattern, candidate)) {
          matched.add(candidate);
        }
      }
      if (matched.size() == 1) {
        return matched.get(0);
      }
      if (matched.size() > 1) {
        remaining = matched;
      }
    }
    return null;
  }

  private static boolean matches(GroupVersionResource pattern, GroupVersionResource r) {
    return part(pattern.group(), r.group())
        && part(pattern.version(), r.version())
        && part(pattern.resource(), r.resource());
  }

  private static boolean matches(GroupVersionKind pattern, GroupVersionKind k) {
    return part(pattern.group(), k.group())
        && part(pattern.version(), k.version())
        && part(pattern.kind(), k.kind());
  }

  private static boolean part(String pattern, String value) {
    return pattern.equals(ANY) || pattern.equals(value);
  }

  @Override
  public String toString() {
    return "PriorityRESTMapper{" + delegate + "}";
  }
}
