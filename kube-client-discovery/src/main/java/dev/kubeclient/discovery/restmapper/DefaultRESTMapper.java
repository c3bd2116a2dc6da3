package dev.kubeclient.discovery.restmapper;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mapper of a fixed set of kinds and resources (apimachinery's {@code meta.DefaultRESTMapper}),
 * one per group version when built from discovery. Resource names match in any case, as plural or
 * singular; kinds in {@link #restMappings} match in any case too ({@code deployment} finds {@code
 * Deployment}), and mappings carry the kind as registered.
 *
 * <p>Fill it with {@link #add} and {@link #addSpecific} before sharing it: lookups are safe for
 * concurrent use, additions are not safe during lookups.
 */
public final class DefaultRESTMapper implements RESTMapper {
  private final List<GroupVersion> defaultGroupVersions;
  private final Map<GroupVersionResource, GroupVersionKind> resourceToKind = new LinkedHashMap<>();
  private final Map<GroupVersionKind, GroupVersionResource> kindToPluralResource =
      new LinkedHashMap<>();
  private final Map<GroupVersionKind, RESTScope> kindToScope = new LinkedHashMap<>();
  private final Map<GroupVersionResource, GroupVersionResource> singularToPlural =
      new LinkedHashMap<>();
  private final Map<GroupVersionResource, GroupVersionResource> pluralToSingular =
      new LinkedHashMap<>();

  /** Registered kinds by group, version and lower-cased kind, for case-insensitive lookups. */
  private final Map<GroupVersionKind, GroupVersionKind> kindsByLowerCase = new LinkedHashMap<>();

  /**
   * A mapper that, for a kind given without a version, searches {@code defaultGroupVersions} in
   * order.
   */
  public DefaultRESTMapper(List<GroupVersion> defaultGroupVersions) {
    this.defaultGroupVersions = List.copyOf(checkNotNull(defaultGroupVersions, "versions"));
  }

  /** Adds {@code kind} with the plural and singular guessed from it ({@link #guessResources}). */
  public void add(GroupVersionKind kind, RESTScope scope) {
    GroupVersionResource[] guessed = guessResources(kind);
    addSpecific(kind, guessed[0], guessed[1], scope);
  }

  /**
   * Adds {@code kind}, served as {@code plural} (also called {@code singular}) in {@code scope}.
   */
  public void addSpecific(
      GroupVersionKind kind,
      GroupVersionResource plural,
      GroupVersionResource singular,
      RESTScope scope) {
    checkNotNull(kind, "kind");
    checkNotNull(plural, "plural");
    checkNotNull(singular, "singular");
    checkNotNull(scope, "scope");
    singularToPlural.put(singular, plural);
    pluralToSingular.put(plural, singular);
    resourceToKind.put(singular, kind);
    resourceToKind.put(plural, kind);
    kindToPluralResource.put(kind, plural);
    kindToScope.put(kind, scope);
    kindsByLowerCase.put(lowerKind(kind), kind);
  }

  /**
   * The plural and singular resource of a kind by English rules, as apimachinery's {@code
   * UnsafeGuessKindToResource}: {@code Pod} gives {@code pods} and {@code pod}, {@code Policy}
   * gives {@code policies}, {@code Endpoints} stays {@code endpoints}. Only a guess: discovery
   * knows the real names.
   *
   * @return the plural and the singular
   */
  public static GroupVersionResource[] guessResources(GroupVersionKind kind) {
    String singular = kind.kind().toLowerCase(Locale.ROOT);
    GroupVersion gv = kind.groupVersion();
    if (singular.isEmpty()) {
      return new GroupVersionResource[] {gv.withResource(""), gv.withResource("")};
    }
    String plural;
    if (singular.endsWith("endpoints")) {
      plural = singular;
    } else if (singular.endsWith("s")) {
      plural = singular + "es";
    } else if (singular.endsWith("y")) {
      plural = singular.substring(0, singular.length() - 1) + "ies";
    } else {
      plural = singular + "s";
    }
    return new GroupVersionResource[] {gv.withResource(plural), gv.withResource(singular)};
  }

  @Override
  public List<GroupVersionResource> resourcesFor(GroupVersionResource input) {
    GroupVersionResource resource = coerce(input);
    List<GroupVersionResource> result = new ArrayList<>();
    boolean hasGroup = !resource.group().isEmpty();
    boolean hasVersion = !resource.version().isEmpty();
    if (hasGroup && hasVersion) {
      for (Map.Entry<GroupVersionResource, GroupVersionResource> e : pluralToSingular.entrySet()) {
        if (e.getValue().equals(resource) || e.getKey().equals(resource)) {
          result.add(e.getKey());
          break;
        }
      }
    } else if (hasGroup) {
      for (Map.Entry<GroupVersionResource, GroupVersionResource> e : pluralToSingular.entrySet()) {
        if (sameGroupResource(e.getValue(), resource) || sameGroupResource(e.getKey(), resource)) {
          result.add(e.getKey());
        }
      }
      if (result.isEmpty()) {
        // storageclass.storage finds storageclasses.storage.k8s.io: a group prefix matches.
        for (Map.Entry<GroupVersionResource, GroupVersionResource> e :
            pluralToSingular.entrySet()) {
          if (e.getKey().group().startsWith(resource.group())
              && (e.getValue().resource().equals(resource.resource())
                  || e.getKey().resource().equals(resource.resource()))) {
            result.add(e.getKey());
          }
        }
      }
    } else {
      for (Map.Entry<GroupVersionResource, GroupVersionResource> e : pluralToSingular.entrySet()) {
        boolean versionOk = !hasVersion || e.getKey().version().equals(resource.version());
        if (versionOk
            && (e.getValue().resource().equals(resource.resource())
                || e.getKey().resource().equals(resource.resource()))) {
          result.add(e.getKey());
        }
      }
    }
    if (result.isEmpty()) {
      throw new NoResourceMatchException(resource);
    }
    result.sort(
        byPreferredVersion(GroupVersionResource::groupVersion, GroupVersionResource::resource));
    return List.copyOf(result);
  }

  @Override
  public List<GroupVersionKind> kindsFor(GroupVersionResource input) {
    GroupVersionResource resource = coerce(input);
    boolean hasGroup = !resource.group().isEmpty();
    boolean hasVersion = !resource.version().isEmpty();
    List<GroupVersionKind> result = new ArrayList<>();
    if (hasGroup && hasVersion) {
      GroupVersionKind kind = resourceToKind.get(resource);
      if (kind != null) {
        result.add(kind);
      }
    } else if (hasGroup) {
      for (Map.Entry<GroupVersionResource, GroupVersionKind> e : resourceToKind.entrySet()) {
        if (sameGroupResource(e.getKey(), resource)) {
          addOnce(result, e.getValue());
        }
      }
      if (result.isEmpty()) {
        for (Map.Entry<GroupVersionResource, GroupVersionKind> e : resourceToKind.entrySet()) {
          if (e.getKey().group().startsWith(resource.group())
              && e.getKey().resource().equals(resource.resource())) {
            addOnce(result, e.getValue());
          }
        }
      }
    } else {
      for (Map.Entry<GroupVersionResource, GroupVersionKind> e : resourceToKind.entrySet()) {
        if ((!hasVersion || e.getKey().version().equals(resource.version()))
            && e.getKey().resource().equals(resource.resource())) {
          addOnce(result, e.getValue());
        }
      }
    }
    if (result.isEmpty()) {
      throw new NoResourceMatchException(input);
    }
    result.sort(byPreferredVersion(GroupVersionKind::groupVersion, GroupVersionKind::kind));
    return List.copyOf(result);
  }

  @Override
  public RESTMapping restMapping(GroupKind groupKind, String... versions) {
    List<RESTMapping> mappings = restMappings(groupKind, versions);
    return mappings.get(0);
  }

  @Override
  public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
    checkNotNull(groupKind, "groupKind");
    List<GroupVersionKind> candidates = new ArrayList<>();
    boolean hadVersion = false;
    for (String version : versions) {
      if (version == null || version.isEmpty() || version.equals("__internal")) {
        continue;
      }
      hadVersion = true;
      GroupVersionKind known = registered(groupKind.withVersion(version));
      if (known != null) {
        candidates.add(known);
        break;
      }
    }
    if (!hadVersion) {
      for (GroupVersion gv : defaultGroupVersions) {
        if (gv.group().equals(groupKind.group())) {
          GroupVersionKind known = registered(groupKind.withVersion(gv.version()));
          if (known != null) {
            candidates.add(known);
          }
        }
      }
    }
    if (candidates.isEmpty()) {
      throw new NoKindMatchException(groupKind, List.of(versions));
    }
    List<RESTMapping> mappings = new ArrayList<>();
    for (GroupVersionKind gvk : candidates) {
      mappings.add(new RESTMapping(kindToPluralResource.get(gvk), gvk, kindToScope.get(gvk)));
    }
    return List.copyOf(mappings);
  }

  @Override
  public String resourceSingularizer(String resource) {
    checkNotNull(resource, "resource");
    List<GroupVersionResource> resources = resourcesFor(new GroupVersionResource("", "", resource));
    String singular = null;
    for (GroupVersionResource r : resources) {
      GroupVersionResource s = pluralToSingular.get(r);
      if (s == null) {
        continue;
      }
      if (singular == null) {
        singular = s.resource();
      } else if (!singular.equals(s.resource())) {
        throw new AmbiguousResourceException(
            new GroupVersionResource("", "", resource), resources, List.of());
      }
    }
    if (singular == null) {
      throw new NoResourceMatchException(new GroupVersionResource("", "", resource));
    }
    return singular;
  }

  private GroupVersionKind registered(GroupVersionKind gvk) {
    return kindsByLowerCase.get(lowerKind(gvk));
  }

  private static GroupVersionKind lowerKind(GroupVersionKind gvk) {
    return new GroupVersionKind(gvk.group(), gvk.version(), gvk.kind().toLowerCase(Locale.ROOT));
  }

  private static GroupVersionResource coerce(GroupVersionResource input) {
    checkNotNull(input, "resource");
    checkArgument(!input.resource().isEmpty(), "a resource must be present, got: %s", input);
    String version = input.version().equals("__internal") ? "" : input.version();
    return new GroupVersionResource(
        input.group(), version, input.resource().toLowerCase(Locale.ROOT));
  }

  private static boolean sameGroupResource(GroupVersionResource a, GroupVersionResource b) {
    return a.group().equals(b.group()) && a.resource().equals(b.resource());
  }

  private static void addOnce(List<GroupVersionKind> list, GroupVersionKind kind) {
    if (!list.contains(kind)) {
      list.add(kind);
    }
  }

  /** Preferred group versions first (in the given order), then by name within a group version. */
  private <T> Comparator<T> byPreferredVersion(
      java.util.function.Function<T, GroupVersion> gv,
      java.util.function.Function<T, String> name) {
    return Comparator.<T>comparingInt(
            x -> {
              int i = defaultGroupVersions.indexOf(gv.apply(x));
              return i < 0 ? Integer.MAX_VALUE : i;
            })
        .thenComparing(x -> gv.apply(x).toString())
        .thenComparing(name);
  }

  @Override
  public String toString() {
    return "DefaultRESTMapper{"
        + defaultGroupVersions
        + ", "
        + kindToPluralResource.size()
        + " kinds}";
  }
}
