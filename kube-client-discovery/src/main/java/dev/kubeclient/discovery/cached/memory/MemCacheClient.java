package dev.kubeclient.discovery.cached.memory;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.core.meta.v1.GroupVersionForDiscovery;
import dev.kubeclient.core.version.Info;
import dev.kubeclient.discovery.CachedDiscoveryInterface;
import dev.kubeclient.discovery.DiscoveryInterface;
import dev.kubeclient.discovery.GroupsAndMaybeResources;
import dev.kubeclient.discovery.GroupsAndResources;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery cached in memory: client-go's {@code memory.NewMemCacheClient}. The first call fills
 * the cache from the delegate (with aggregated discovery, two requests; otherwise one per group
 * version), later calls answer from it until {@link #invalidate()}. It never goes to the server on
 * a cache miss: a group version it does not know throws {@link CacheNotFoundException}; call {@code
 * invalidate()} to pick up new CRDs (the {@code DeferredDiscoveryRESTMapper} does this on a miss).
 *
 * <p>A group version whose fetch failed with a transient error (5xx, 429, connection refused or
 * reset) is fetched again when asked for; other failures are remembered and thrown again, as are
 * group versions that list no resources. The version is never cached.
 *
 * <p>Safe for concurrent use. A refresh runs under the lock, so that concurrent callers wait for
 * one refresh rather than each starting their own; the models returned are copies.
 */
public final class MemCacheClient implements CachedDiscoveryInterface {
  private static final Logger log = LoggerFactory.getLogger(MemCacheClient.class);

  private final DiscoveryInterface delegate;
  private final Executor executor;
  private final ReentrantLock lock = new ReentrantLock();

  /** Resources or failure by group version ("apps/v1"). Guarded by {@code lock}. */
  private Map<String, Entry> groupToServerResources = new HashMap<>();

  /** Guarded by {@code lock}; null until a refresh succeeds. */
  private @Nullable APIGroupList groupList;

  /** Whether the fields above were filled since the last invalidation. Guarded by {@code lock}. */
  private boolean cacheValid;

  /** Whether the last refresh got aggregated discovery. Guarded by {@code lock}. */
  private boolean receivedAggregatedDiscovery;

  /** A cached group version: its resources, or the failure of fetching them. */
  private record Entry(@Nullable APIResourceList resources, @Nullable RuntimeException error) {}

  /** Caches {@code delegate}; group versions are fetched one after another when needed. */
  public MemCacheClient(DiscoveryInterface delegate) {
    this(delegate, Runnable::run);
  }

  /**
   * Caches {@code delegate}, fetching the group versions of legacy discovery on {@code executor}.
   */
  public MemCacheClient(DiscoveryInterface delegate, Executor executor) {
    this.delegate = checkNotNull(delegate, "delegate");
    this.executor = checkNotNull(executor, "executor");
  }

  /**
   * {@inheritDoc}
   *
   * @throws CacheNotFoundException when the cache has no such group version
   */
  @Override
  public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
    checkNotNull(groupVersion, "groupVersion");
    lock.lock();
    try {
      if (!cacheValid) {
        refreshLocked();
      }
      Entry entry = groupToServerResources.get(groupVersion);
      if (entry == null) {
        throw new CacheNotFoundException(groupVersion);
      }
      if (entry.error() != null && isTransient(entry.error())) {
        entry = fetch(groupVersion);
        groupToServerResources.put(groupVersion, entry);
      }
      if (entry.error() != null) {
        throw entry.error();
      }
      return checkNotNull(entry.resources(), "resources").deepCopy();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public GroupsAndMaybeResources groupsAndMaybeResources() {
    lock.lock();
    try {
      if (!cacheValid) {
        refreshLocked();
      }
      APIGroupList groups = groupList == null ? new APIGroupList() : groupList.deepCopy();
      if (!receivedAggregatedDiscovery || groupToServerResources.isEmpty()) {
        return new GroupsAndMaybeResources(groups, null, Map.of());
      }
      Map<GroupVersion, APIResourceList> resources = new LinkedHashMap<>();
      Map<GroupVersion, RuntimeException> failed = new LinkedHashMap<>();
      for (Map.Entry<String, Entry> e : groupToServerResources.entrySet()) {
        GroupVersion gv = GroupVersion.parse(e.getKey());
        Entry entry = e.getValue();
        if (entry.error() != null) {
          failed.put(gv, entry.error());
        } else if (entry.resources() != null) {
          resources.put(gv, entry.resources().deepCopy());
        }
      }
      return new GroupsAndMaybeResources(groups, resources, failed);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public APIGroupList serverGroups() {
    return groupsAndMaybeResources().groups();
  }

  @Override
  public GroupsAndResources serverGroupsAndResources() {
    return DiscoveryInterface.serverGroupsAndResources(this, Runnable::run);
  }

  @Override
  public List<APIResourceList> serverPreferredResources() {
    return DiscoveryInterface.serverPreferredResources(this, Runnable::run);
  }

  /** Asks the delegate: the version is not cached. */
  @Override
  public Info serverVersion() {
    return delegate.serverVersion();
  }

  /** True when the cache was filled since the last {@link #invalidate()}. */
  @Override
  public boolean fresh() {
    lock.lock();
    try {
      return cacheValid;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void invalidate() {
    lock.lock();
    try {
      cacheValid = false;
      groupToServerResources = new HashMap<>();
      groupList = null;
      receivedAggregatedDiscovery = false;
    } finally {
      lock.unlock();
    }
    if (delegate instanceof CachedDiscoveryInterface cached) {
      cached.invalidate();
    }
  }

  /** Fills the cache from the delegate. Caller holds {@code lock}. */
  private void refreshLocked() {
    GroupsAndMaybeResources found = delegate.groupsAndMaybeResources();
    APIGroupList groups = found.groups();
    if (found.resources() != null) {
      Map<String, Entry> entries = new HashMap<>();
      found.resources().forEach((gv, list) -> entries.put(gv.toString(), new Entry(list, null)));
      found.failed().forEach((gv, error) -> entries.put(gv.toString(), new Entry(null, error)));
      groupToServerResources = entries;
      groupList = groups;
      receivedAggregatedDiscovery = true;
      cacheValid = true;
      return;
    }
    if (groups.getGroups().isEmpty()) {
      // As client-go: nothing is cached, so the next call asks again.
      log.debug("Discovery returned no API groups; not caching");
      return;
    }
    Map<String, Entry> entries = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> tasks = new ArrayList<>();
    for (APIGroup g : groups.getGroups()) {
      for (GroupVersionForDiscovery v : g.getVersions()) {
        String gv = v.getGroupVersion();
        if (gv != null) {
          tasks.add(CompletableFuture.runAsync(() -> entries.put(gv, fetch(gv)), executor));
        }
      }
    }
    CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
    groupToServerResources = new HashMap<>(entries);
    groupList = groups;
    receivedAggregatedDiscovery = false;
    cacheValid = true;
  }

  private Entry fetch(String groupVersion) {
    try {
      APIResourceList list = delegate.serverResourcesForGroupVersion(groupVersion);
      if (list.getResources().isEmpty()) {
        // Common for metrics servers: logged quietly, remembered as a failure.
        log.trace("received empty response for: {}", groupVersion);
        return new Entry(list, new EmptyResponseException(groupVersion));
      }
      return new Entry(list, null);
    } catch (RuntimeException e) {
      log.debug("Couldn't get resource list for {}: {}", groupVersion, e.toString());
      return new Entry(null, e);
    }
  }

  /** 5xx, 429, connection refused or reset: worth asking again (client-go's isTransientError). */
  static boolean isTransient(RuntimeException e) {
    ApiException api = Errors.findApiException(e);
    if (api != null) {
      return api.code() >= 500 || api.code() == 429;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
      if (t instanceof IOException && t.getMessage() != null) {
        String m = t.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("connection reset") || m.contains("connection refused")) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "MemCacheClient{" + delegate + "}";
  }
}
