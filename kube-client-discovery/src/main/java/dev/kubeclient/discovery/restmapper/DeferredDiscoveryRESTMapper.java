package dev.kubeclient.discovery.restmapper;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.discovery.CachedDiscoveryInterface;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mapper built from discovery on first use and rebuilt when a lookup misses (client-go's {@code
 * restmapper.DeferredDiscoveryRESTMapper}), so that a CRD created after the program started is
 * found.
 *
 * <p>client-go rebuilds on a miss only when the cache says it is not {@link
 * CachedDiscoveryInterface#fresh() fresh}; but a memory cache is fresh from its first fill on, and
 * such a mapper never sees a new CRD. Here a miss (or an ambiguity) invalidates the cache, rebuilds
 * and looks again once when the cache is not fresh, or when the mapper was built at least {@code
 * minRefreshInterval} ago (one second by default) - so that lookups of kinds that do not exist
 * cannot make every call a discovery round trip. Concurrent misses share one rebuild.
 *
 * <p>Safe for concurrent use. The discovery requests of a rebuild run under the mapper's lock, so
 * concurrent lookups wait for one rebuild instead of each making their own.
 */
public final class DeferredDiscoveryRESTMapper implements RESTMapper {
  private static final Logger log = LoggerFactory.getLogger(DeferredDiscoveryRESTMapper.class);

  /** The default least time between rebuilds caused by misses. */
  public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(1);

  private final CachedDiscoveryInterface discovery;
  private final Duration minRefreshInterval;
  private final Clock clock;
  private final Object lock = new Object();

  /** The current mapper, or null until the first lookup. Guarded by {@code lock}. */
  private @Nullable RESTMapper delegate;

  /** Incremented by each build. Guarded by {@code lock}. */
  private long generation;

  /** When the current mapper was built (clock nanos). Guarded by {@code lock}. */
  private long builtAtNanos;

  /** A mapper over {@code discovery}, rebuilt on misses at most once a second. */
  public DeferredDiscoveryRESTMapper(CachedDiscoveryInterface discovery) {
    this(discovery, DEFAULT_MIN_REFRESH_INTERVAL, Clock.system());
  }

  /**
   * A mapper over {@code discovery}, rebuilt on a miss when the last build is at least {@code
   * minRefreshInterval} old on {@code clock} ({@link Duration#ZERO}: on every miss).
   */
  public DeferredDiscoveryRESTMapper(
      CachedDiscoveryInterface discovery, Duration minRefreshInterval, Clock clock) {
    this.discovery = checkNotNull(discovery, "discovery");
    this.minRefreshInterval = checkNotNull(minRefreshInterval, "minRefreshInterval");
    checkArgument(
        !minRefreshInterval.isNegative(), "minRefreshInterval < 0: %s", minRefreshInterval);
    this.clock = checkNotNull(clock, "clock");
  }

  /** The mapper and its generation, building it when there is none. */
  private record Current(RESTMapper mapper, long generation) {}

  private Current current() {
    synchronized (lock) {
      RESTMapper mapper = delegate;
      if (mapper == null) {
        mapper = APIGroupResources.newDiscoveryRESTMapper(APIGroupResources.fetch(discovery));
        delegate = mapper;
        generation++;
        builtAtNanos = clock.nanoTime();
      }
      return new Current(mapper, generation);
    }
  }

  /**
   * Runs {@code lookup}; on a miss or ambiguity, rebuilds (unless another thread already did since,
   * or the mapper is fresh and young) and runs it once more.
   */
  private <T> T lookup(Function<RESTMapper, T> lookup) {
    Current current = current();
    try {
      return lookup.apply(current.mapper());
    } catch (NoMatchException | AmbiguousResourceException | AmbiguousKindException e) {
      synchronized (lock) {
        boolean rebuiltSince = generation != current.generation() || delegate == null;
        if (!rebuiltSince) {
          boolean young = clock.nanoTime() - builtAtNanos < minRefreshInterval.toNanos();
          if (young && discovery.fresh()) {
            throw e;
          }
          log.debug("Mapping missed ({}); refreshing discovery", e.getMessage());
          resetLocked();
        }
      }
      return lookup.apply(current().mapper());
    }
  }

  @Override
  public GroupVersionKind kindFor(GroupVersionResource resource) {
    return lookup(m -> m.kindFor(resource));
  }

  @Override
  public List<GroupVersionKind> kindsFor(GroupVersionResource resource) {
    return lookup(m -> m.kindsFor(resource));
  }

  @Override
  public GroupVersionResource resourceFor(GroupVersionResource resource) {
    return lookup(m -> m.resourceFor(resource));
  }

  @Override
  public List<GroupVersionResource> resourcesFor(GroupVersionResource resource) {
    return lookup(m -> m.resourcesFor(resource));
  }

  @Override
  public RESTMapping restMapping(GroupKind groupKind, String... versions) {
    return lookup(m -> m.restMapping(groupKind, versions));
  }

  @Override
  public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
    return lookup(m -> m.restMappings(groupKind, versions));
  }

  @Override
  public String resourceSingularizer(String resource) {
    return lookup(m -> m.resourceSingularizer(resource));
  }

  /** Invalidates the discovery cache and drops the mapper; the next lookup rebuilds it. */
  @Override
  public void reset() {
    synchronized (lock) {
      resetLocked();
    }
  }

  private void resetLocked() {
    discovery.invalidate();
    delegate = null;
  }

  @Override
  public String toString() {
    return "DeferredDiscoveryRESTMapper{" + discovery + "}";
  }
}
