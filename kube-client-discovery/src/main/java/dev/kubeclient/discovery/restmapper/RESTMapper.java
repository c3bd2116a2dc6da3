package dev.kubeclient.discovery.restmapper;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupResource;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.discovery.CachedDiscoveryInterface;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps resources to kinds and kinds to resources (apimachinery's {@code meta.RESTMapper}). A
 * partial resource leaves group or version (or both) empty; resource names match their plural or
 * singular form in any case. Kinds and resources are not unique across groups: a lookup that
 * matches several and cannot decide throws {@link AmbiguousResourceException} or {@link
 * AmbiguousKindException}; one that matches nothing throws a {@link NoMatchException}.
 *
 * <p>Implementations are safe for concurrent use.
 */
public interface RESTMapper {
  /**
   * The single kind {@code resource} stands for.
   *
   * @throws NoMatchException when nothing matches
   * @throws AmbiguousResourceException when several match and none is preferred
   */
  default GroupVersionKind kindFor(GroupVersionResource resource) {
    List<GroupVersionKind> kinds = kindsFor(resource);
    if (kinds.size() == 1) {
      return kinds.get(0);
    }
    throw new AmbiguousResourceException(resource, List.of(), kinds);
  }

  /**
   * Every kind {@code resource} may stand for, preferred first.
   *
   * @throws NoMatchException when nothing matches
   */
  List<GroupVersionKind> kindsFor(GroupVersionResource resource);

  /**
   * The single fully qualified resource {@code resource} stands for.
   *
   * @throws NoMatchException when nothing matches
   * @throws AmbiguousResourceException when several match and none is preferred
   */
  default GroupVersionResource resourceFor(GroupVersionResource resource) {
    List<GroupVersionResource> resources = resourcesFor(resource);
    if (resources.size() == 1) {
      return resources.get(0);
    }
    throw new AmbiguousResourceException(resource, resources, List.of());
  }

  /**
   * Every fully qualified resource {@code resource} may stand for, preferred first.
   *
   * @throws NoMatchException when nothing matches
   */
  List<GroupVersionResource> resourcesFor(GroupVersionResource resource);

  /**
   * The preferred mapping of {@code groupKind}, in the first of {@code versions} that serves it, or
   * in the server's preferred version when none is given.
   *
   * @throws NoKindMatchException when no version serves the kind
   * @throws AmbiguousKindException when several mappings remain and none is preferred
   */
  RESTMapping restMapping(GroupKind groupKind, String... versions);

  /**
   * Every mapping of {@code groupKind} in {@code versions}, or in every version served when none is
   * given.
   *
   * @throws NoKindMatchException when no version serves the kind
   */
  List<RESTMapping> restMappings(GroupKind groupKind, String... versions);

  /**
   * The singular of a resource name, {@code pods} to {@code pod}.
   *
   * @throws NoMatchException when the resource is unknown
   */
  String resourceSingularizer(String resource);

  /**
   * The mapper kubectl uses: a {@link DeferredDiscoveryRESTMapper} over {@code discovery} behind a
   * {@link ShortcutExpander}, so that short names and CRDs created later are found. Give it a
   * cached discovery client ({@code MemCacheClient} or the disk {@code CachedDiscoveryClient}).
   */
  static RESTMapper forDiscovery(CachedDiscoveryInterface discovery) {
    checkNotNull(discovery, "discovery");
    return new ShortcutExpander(new DeferredDiscoveryRESTMapper(discovery), discovery);
  }

  /**
   * Drops what the mapper learned, so that it asks discovery again (client-go's {@code
   * ResettableRESTMapper}); mappers that hold nothing do nothing.
   */
  default void reset() {}

  /**
   * The mapping of a resource or kind as kubectl's resource builder reads its argument ({@code
   * kubectl get <arg>}): {@code deployments}, {@code deployment}, {@code deploy} (short names need
   * a {@link ShortcutExpander}), {@code deployments.apps}, {@code deployments.v1.apps}, {@code
   * Deployment}, {@code Deployment.apps} or {@code Deployment.v1.apps}, in any case. Resource forms
   * are tried before kind forms, fully qualified before partial.
   *
   * <p>Unlike kubectl, which swallows an ambiguous resource and ends with "the server doesn't have
   * a resource type", an ambiguity is thrown as such.
   *
   * @throws NoMatchException when no resource or kind matches, naming the argument
   * @throws AmbiguousResourceException when the argument matches several resources
   */
  default RESTMapping mappingFor(String resourceOrKindArg) {
    checkNotNull(resourceOrKindArg, "resourceOrKindArg");
    checkArgument(!resourceOrKindArg.isBlank(), "resource or kind may not be empty");
    GroupVersionResource fullResource = GroupVersionResource.parseResourceArg(resourceOrKindArg);
    GroupResource groupResource = GroupResource.parse(resourceOrKindArg);
    GroupVersionKind gvk = fullResource == null ? null : kindOrNull(fullResource);
    if (gvk == null) {
      gvk = kindOrNull(groupResource.withVersion(""));
    }
    if (gvk != null) {
      return restMapping(gvk.groupKind(), gvk.version());
    }
    GroupVersionKind fullKind = GroupVersionKind.parseKindArg(resourceOrKindArg);
    GroupKind groupKind = GroupKind.parse(resourceOrKindArg);
    if (fullKind != null) {
      try {
        return restMapping(fullKind.groupKind(), fullKind.version());
      } catch (NoMatchException e) {
        // Fall back to the kind with the group only, as kubectl does.
      }
    }
    try {
      return restMapping(groupKind);
    } catch (NoMatchException e) {
      throw new NoResourceMatchException(groupResource.withVersion(""));
    }
  }

  private @Nullable GroupVersionKind kindOrNull(GroupVersionResource resource) {
    try {
      return kindFor(resource);
    } catch (NoMatchException e) {
      return null;
    }
  }
}
