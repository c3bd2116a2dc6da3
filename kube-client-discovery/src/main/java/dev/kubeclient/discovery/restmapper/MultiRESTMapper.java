package dev.kubeclient.discovery.restmapper;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.errors.KubeClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Several mappers asked as one (apimachinery's {@code meta.MultiRESTMapper}): plural lookups gather
 * every mapper's matches, de-duplicated in mapper order; "no match" from one mapper is skipped, any
 * other failure passes up. Immutable; safe for concurrent use when its mappers are.
 */
public final class MultiRESTMapper implements RESTMapper {
  private final List<RESTMapper> mappers;

  /** Asks {@code mappers} in order. */
  public MultiRESTMapper(List<? extends RESTMapper> mappers) {
    this.mappers = List.copyOf(checkNotNull(mappers, "mappers"));
  }

  @Override
  public List<GroupVersionResource> resourcesFor(GroupVersionResource resource) {
    return gather(resource, m -> m.resourcesFor(resource));
  }

  @Override
  public List<GroupVersionKind> kindsFor(GroupVersionResource resource) {
    return gather(resource, m -> m.kindsFor(resource));
  }

  /** Every mapper's matches, de-duplicated in order; no match anywhere is a no match. */
  private <T> List<T> gather(GroupVersionResource resource, Function<RESTMapper, List<T>> lookup) {
    List<T> all = new ArrayList<>();
    for (RESTMapper m : mappers) {
      try {
        for (T found : lookup.apply(m)) {
          if (!all.contains(found)) {
            all.add(found);
          }
        }
      } catch (NoMatchException e) {
        // Another mapper may know it.
      }
    }
    if (all.isEmpty()) {
      throw new NoResourceMatchException(resource);
    }
    return List.copyOf(all);
  }

  /** The one mapping the mappers agree on; several are ambiguous, even when some mappers failed. */
  @Override
  public RESTMapping restMapping(GroupKind groupKind, String... versions) {
    List<RESTMapping> all = new ArrayList<>();
    List<RuntimeException> errors = new ArrayList<>();
    for (RESTMapper m : mappers) {
      try {
        all.add(m.restMapping(groupKind, versions));
      } catch (NoMatchException e) {
        // Another mapper may know it.
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    if (all.size() > 1) {
      throw new AmbiguousKindException(groupKind.withVersion(""), kinds(all));
    }
    throwFirst(errors);
    throw new NoKindMatchException(groupKind, List.of(versions));
  }

  @Override
  public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
    List<RESTMapping> all = new ArrayList<>();
    List<RuntimeException> errors = new ArrayList<>();
    for (RESTMapper m : mappers) {
      try {
        all.addAll(m.restMappings(groupKind, versions));
      } catch (NoMatchException e) {
        // Another mapper may know it.
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
    throwFirst(errors);
    if (all.isEmpty()) {
      throw new NoKindMatchException(groupKind, List.of(versions));
    }
    return List.copyOf(all);
  }

  @Override
  public String resourceSingularizer(String resource) {
    RuntimeException last = null;
    for (RESTMapper m : mappers) {
      try {
        return m.resourceSingularizer(resource);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    if (last != null) {
      throw last;
    }
    throw new NoResourceMatchException(new GroupVersionResource("", "", resource));
  }

  @Override
  public void reset() {
    mappers.forEach(RESTMapper::reset);
  }

  static List<GroupVersionKind> kinds(List<RESTMapping> mappings) {
    List<GroupVersionKind> kinds = new ArrayList<>();
    for (RESTMapping m : mappings) {
      kinds.add(m.groupVersionKind());
    }
    return kinds;
  }

  /** Throws the first of {@code errors}, with the others suppressed (utilerrors.NewAggregate). */
  private static void throwFirst(List<RuntimeException> errors) {
    if (errors.isEmpty()) {
      return;
    }
    RuntimeException first = errors.get(0);
    if (errors.size() > 1) {
      KubeClientException aggregate =
          new KubeClientException(errors.size() + " mappers failed: " + first.getMessage(), first);
      errors.subList(1, errors.size()).forEach(aggregate::addSuppressed);
      throw aggregate;
    }
    throw first;
  }

  @Override
  public String toString() {
    return "MultiRESTMapper" + mappers;
  }
}
