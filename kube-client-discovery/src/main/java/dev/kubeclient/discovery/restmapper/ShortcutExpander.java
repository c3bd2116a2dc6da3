package dev.kubeclient.discovery.restmapper;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupResource;
import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.discovery.DiscoveryInterface;
import dev.kubeclient.discovery.GroupDiscoveryFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands short names ({@code deploy}, {@code cm}, a CRD's {@code shortNames}) into resources
 * before asking the mapper it wraps (client-go's {@code restmapper.NewShortcutExpander}); the short
 * names come from discovery, so give it a cached discovery client. A name that is a resource's
 * plural or singular is never expanded; a short name may be qualified with a group or a group
 * prefix ({@code deploy.apps}).
 *
 * <p>A short name of resources in several groups is resolved as client-go does when the first (by
 * the server's group order) is one of Kubernetes' own groups, with a warning naming the others to
 * the warning handler; when it names resources of several custom resource groups only, it throws
 * {@link AmbiguousResourceException} instead of taking one of them.
 *
 * <p>Safe for concurrent use when the wrapped mapper and discovery client are.
 */
public final class ShortcutExpander implements RESTMapper {
  private static final Logger log = LoggerFactory.getLogger(ShortcutExpander.class);

  private final RESTMapper delegate;
  private final DiscoveryInterface discovery;
  private final Consumer<String> warningHandler;

  /** Expands short names with {@code discovery} before asking {@code delegate}; warnings logged. */
  public ShortcutExpander(RESTMapper delegate, DiscoveryInterface discovery) {
    this(delegate, discovery, warning -> log.warn("{}", warning));
  }

  /** As {@link #ShortcutExpander(RESTMapper, DiscoveryInterface)}, warnings to the handler. */
  public ShortcutExpander(
      RESTMapper delegate, DiscoveryInterface discovery, Consumer<String> warningHandler) {
    this.delegate = checkNotNull(delegate, "delegate");
    this.discovery = checkNotNull(discovery, "discovery");
    this.warningHandler = checkNotNull(warningHandler, "warningHandler");
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a miss, expands again and retries once: a deferred mapper underneath has refreshed
   * discovery by then, so a new CRD's short name is found.
   */
  @Override
  public GroupVersionKind kindFor(GroupVersionResource resource) {
    try {
      return delegate.kindFor(expand(resource));
    } catch (NoMatchException e) {
      return delegate.kindFor(expand(resource));
    }
  }

  @Override
  public List<GroupVersionKind> kindsFor(GroupVersionResource resource) {
    return delegate.kindsFor(expand(resource));
  }

  @Override
  public GroupVersionResource resourceFor(GroupVersionResource resource) {
    return delegate.resourceFor(expand(resource));
  }

  @Override
  public List<GroupVersionResource> resourcesFor(GroupVersionResource resource) {
    return delegate.resourcesFor(expand(resource));
  }

  @Override
  public RESTMapping restMapping(GroupKind groupKind, String... versions) {
    return delegate.restMapping(groupKind, versions);
  }

  @Override
  public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
    return delegate.restMappings(groupKind, versions);
  }

  @Override
  public String resourceSingularizer(String resource) {
    return delegate.resourceSingularizer(
        expand(new GroupVersionResource("", "", resource)).resource());
  }

  @Override
  public void reset() {
    delegate.reset();
  }

  private record Shortcut(GroupResource shortForm, GroupResource longForm) {}

  /** The resource a short name stands for, or {@code resource} unchanged. */
  GroupVersionResource expand(GroupVersionResource resource) {
    List<APIResourceList> lists;
    try {
      lists = discovery.serverGroupsAndResources().resources();
    } catch (GroupDiscoveryFailedException e) {
      // What worked is still good for expanding.
      lists = e.resources();
    }
    String name = resource.resource().toLowerCase(Locale.ROOT);
    List<Shortcut> shortcuts = new ArrayList<>();
    for (APIResourceList list : lists) {
      GroupVersion gv = GroupVersion.parse(String.valueOf(list.getGroupVersion()));
      boolean groupOk = resource.group().isEmpty() || resource.group().equals(gv.group());
      for (APIResource r : list.getResources()) {
        if (groupOk && (name.equals(r.getName()) || name.equals(r.getSingularName()))) {
          return resource;
        }
        for (String s : r.getShortNames()) {
          shortcuts.add(
              new Shortcut(
                  new GroupResource(gv.group(), s), new GroupResource(gv.group(), r.getName())));
        }
      }
    }
    GroupResource found =
        pick(
            resource,
            name,
            shortcuts,
            s -> resource.group().isEmpty() || resource.group().equals(s.shortForm().group()));
    if (found == null && !resource.group().isEmpty()) {
      // autoscal finds autoscaling: a group prefix matches.
      found =
          pick(resource, name, shortcuts, s -> s.shortForm().group().startsWith(resource.group()));
    }
    return found == null
        ? resource
        : new GroupVersionResource(found.group(), resource.version(), found.resource());
  }

  private GroupResource pick(
      GroupVersionResource resource,
      String name,
      List<Shortcut> shortcuts,
      Predicate<Shortcut> groupMatches) {
    GroupResource first = null;
    List<GroupResource> others = new ArrayList<>();
    for (Shortcut s : shortcuts) {
      if (!groupMatches.test(s) || !s.shortForm().resource().equals(name)) {
        continue;
      }
      if (first == null) {
        first = s.longForm();
      } else if (!first.equals(s.longForm()) && !others.contains(s.longForm())) {
        others.add(s.longForm());
      }
    }
    if (first == null || others.isEmpty()) {
      return first;
    }
    if (!PriorityRESTMapper.isKubernetesGroup(first.group())) {
      List<GroupVersionResource> all = new ArrayList<>();
      all.add(first.withVersion(resource.version()));
      others.forEach(o -> all.add(o.withVersion(resource.version())));
      throw new AmbiguousResourceException(resource, all, List.of());
    }
    for (GroupResource other : others) {
      warningHandler.accept(
          "short name \"" + name + "\" could also match lower priority resource " + other);
    }
    return first;
  }

  @Override
  public String toString() {
    return "ShortcutExpander{" + delegate + "}";
  }
}
