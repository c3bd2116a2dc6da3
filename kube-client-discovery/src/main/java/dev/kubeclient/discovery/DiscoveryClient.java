package dev.kubeclient.discovery;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIGroupList;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.core.meta.v1.APIVersions;
import dev.kubeclient.core.meta.v1.GroupVersionForDiscovery;
import dev.kubeclient.core.version.Info;
import dev.kubeclient.discovery.internal.AggregatedDiscovery;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Asks an API server what it serves: client-go's {@code DiscoveryClient}. Every call is a request;
 * wrap it in {@code MemCacheClient} or the disk {@code CachedDiscoveryClient} to cache.
 *
 * <pre>{@code
 * DiscoveryClient discovery = clientSet.discovery();
 * for (APIResourceList list : discovery.serverPreferredResources()) { ... }
 * }</pre>
 *
 * <p>Groups and resources come from aggregated discovery when the server offers it: one request to
 * {@code /api} and one to {@code /apis}, with {@code Accept: }{@value #ACCEPT_V2}{@code
 * ,application/json}. A server that answers with the legacy documents instead is asked group
 * version by group version ({@code /api/v1}, {@code /apis/apps/v1}, ...), on the executor given to
 * {@link #withExecutor} (by default one after another on the calling thread, where client-go starts
 * a goroutine per group version). {@link #withLegacy()} asks for the legacy documents only. The
 * response is recognised as aggregated by its kind and apiVersion ({@code apidiscovery.k8s.io/v2
 * APIGroupDiscoveryList}) rather than by its Content-Type.
 *
 * <p>{@link #serverGroupsAndResources()} and {@link #serverPreferredResources()} try twice when
 * some group versions fail (a CRD removed between the two requests), as client-go does, then throw
 * {@link GroupDiscoveryFailedException} with what worked.
 *
 * <p>Safe for concurrent use; immutable. Shares the transport it is given and does not close it,
 * unless made by {@link #forConfig}.
 */
public final class DiscoveryClient implements DiscoveryInterface, AutoCloseable {
  /** The aggregated discovery media type client-go asks for. */
  public static final String ACCEPT_V2 =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  /** The legacy discovery media type. */
  public static final String ACCEPT_V1 = "application/json";

  /** client-go's {@code defaultRetries} for calls that gather every group version. */
  static final int DEFAULT_RETRIES = 2;

  /** The burst discovery clients get, as kubectl's {@code --discovery-burst} default. */
  static final int DISCOVERY_BURST = 300;

  private final RESTClient client;
  private final boolean ownsTransport;
  private final boolean legacyOnly;
  private final Executor executor;

  /** A discovery client sending through {@code transport} (shared, not closed by this client). */
  public DiscoveryClient(Transport transport) {
    this(
        RESTClient.forTransport(checkNotNull(transport, "transport"), ""),
        false,
        false,
        Runnable::run);
  }

  private DiscoveryClient(
      RESTClient client, boolean ownsTransport, boolean legacyOnly, Executor executor) {
    this.client = client;
    this.ownsTransport = ownsTransport;
    this.legacyOnly = legacyOnly;
    this.executor = executor;
  }

  /**
   * A discovery client with its own transport for {@code config}, closed by {@link #close()}. As
   * kubectl's discovery client, it allows bursts of at least {@value #DISCOVERY_BURST} requests,
   * since legacy discovery asks once per group version.
   */
  public static DiscoveryClient forConfig(RestConfig config) {
    checkNotNull(config, "config");
    RestConfig discoveryConfig =
        config.burst() >= DISCOVERY_BURST || config.rateLimiter() != null
            ? config
            : config.newBuilder().burst(DISCOVERY_BURST).build();
    return new DiscoveryClient(
        RESTClient.forTransport(Transport.forConfig(discoveryConfig), ""),
        true,
        false,
        Runnable::run);
  }

  /**
   * A copy of this client that asks for the legacy discovery documents only (client-go's {@code
   * WithLegacy}), sharing the transport.
   */
  public DiscoveryClient withLegacy() {
    return new DiscoveryClient(client, false, true, executor);
  }

  /**
   * A copy of this client that fetches the group versions of legacy discovery on {@code executor},
   * sharing the transport; the caller still waits for all of them.
   */
  public DiscoveryClient withExecutor(Executor executor) {
    return new DiscoveryClient(client, false, legacyOnly, checkNotNull(executor, "executor"));
  }

  /** The REST client requests go through, with no API path of its own. */
  public RESTClient restClient() {
    return client;
  }

  @Override
  public Info serverVersion() {
    return client.get().absPath("version").execute(Info.class);
  }

  @Override
  public APIGroupList serverGroups() {
    return groupsAndMaybeResources().groups();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code v1} is read from {@code /api/v1}, and a 404 there gives an empty list, as client-go
   * tolerates it; other group versions from {@code /apis/<group>/<version>}.
   */
  @Override
  public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
    checkNotNull(groupVersion, "groupVersion");
    checkArgument(
        !groupVersion.isEmpty() && !groupVersion.startsWith("/") && !groupVersion.endsWith("/"),
        "groupVersion must look like 'v1' or 'apps/v1': '%s'",
        groupVersion);
    boolean core = groupVersion.equals("v1");
    String path = core ? "api/v1" : "apis/" + groupVersion;
    APIResourceList list;
    try {
      list = client.get().absPath(path).execute(APIResourceList.class);
    } catch (RuntimeException e) {
      if (core && Errors.isNotFound(e)) {
        return new APIResourceList().groupVersion(groupVersion);
      }
      throw e;
    }
    if (list.getGroupVersion() == null) {
      list.setGroupVersion(groupVersion);
    }
    return list;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Two requests, {@code /api} then {@code /apis}; resources are returned only when both
   * answered with aggregated discovery. A 404 on {@code /api} (an aggregated API server) gives no
   * core group.
   */
  @Override
  public GroupsAndMaybeResources groupsAndMaybeResources() {
    GroupsAndMaybeResources legacy = download("api");
    GroupsAndMaybeResources named = download("apis");
    List<APIGroup> groups = new ArrayList<>(legacy.groups().getGroups());
    groups.addAll(named.groups().getGroups());
    Map<dev.kubeclient.core.GroupVersion, APIResourceList> resources = null;
    if (legacy.resources() != null && named.resources() != null) {
      resources = new LinkedHashMap<>(legacy.resources());
      resources.putAll(named.resources());
    }
    Map<dev.kubeclient.core.GroupVersion, RuntimeException> failed =
        new LinkedHashMap<>(legacy.failed());
    failed.putAll(named.failed());
    return new GroupsAndMaybeResources(new APIGroupList().groups(groups), resources, failed);
  }

  private GroupsAndMaybeResources download(String root) {
    JsonNode document;
    try {
      byte[] body =
          client
              .get()
              .absPath(root)
              .setHeader("Accept", legacyOnly ? ACCEPT_V1 : ACCEPT_V2 + "," + ACCEPT_V1)
              .executeRaw();
      document = Codec.decode(body, JsonNode.class);
    } catch (RuntimeException e) {
      if (root.equals("api") && Errors.isNotFound(e)) {
        return new GroupsAndMaybeResources(new APIGroupList(), Map.of(), Map.of());
      }
      throw e;
    }
    if (AggregatedDiscovery.isAggregated(document)) {
      return AggregatedDiscovery.split(document);
    }
    if (root.equals("apis")) {
      return new GroupsAndMaybeResources(
          Codec.json().convertValue(document, APIGroupList.class), null, Map.of());
    }
    APIVersions versions = Codec.json().convertValue(document, APIVersions.class);
    APIGroupList list = new APIGroupList();
    if (!versions.getVersions().isEmpty()) {
      APIGroup core = new APIGroup().name("");
      for (String v : versions.getVersions()) {
        core.addToVersions(new GroupVersionForDiscovery().groupVersion(v).version(v));
      }
      core.preferredVersion(core.getVersions().get(0).deepCopy());
      list.addToGroups(core);
    }
    return new GroupsAndMaybeResources(list, null, Map.of());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Tries {@value #DEFAULT_RETRIES} times while group versions fail.
   */
  @Override
  public GroupsAndResources serverGroupsAndResources() {
    return withRetries(() -> DiscoveryInterface.serverGroupsAndResources(this, executor));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Tries {@value #DEFAULT_RETRIES} times while group versions fail.
   */
  @Override
  public List<APIResourceList> serverPreferredResources() {
    return withRetries(() -> DiscoveryInterface.serverPreferredResources(this, executor));
  }

  private static <T> T withRetries(Supplier<T> call) {
    @Nullable GroupDiscoveryFailedException last = null;
    for (int i = 0; i < DEFAULT_RETRIES; i++) {
      try {
        return call.get();
      } catch (GroupDiscoveryFailedException e) {
        last = e;
      }
    }
    throw checkNotNull(last, "last");
  }

  /** Closes the transport if {@link #forConfig} made it; otherwise does nothing. Idempotent. */
  @Override
  public void close() {
    if (ownsTransport) {
      client.transport().close();
    }
  }

  @Override
  public String toString() {
    return "DiscoveryClient{"
        + client.transport().config().host()
        + (legacyOnly ? ", legacy" : "")
        + "}";
  }
}
