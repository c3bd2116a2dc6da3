package dev.kubeclient.informers;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.cache.Indexers;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.informers.cache.TransformFunc;
import dev.kubeclient.informers.cache.internal.DefaultSharedIndexInformer;
import dev.kubeclient.informers.cache.internal.InformerConfig;
import dev.kubeclient.informers.cache.internal.InformerRuntime;
import dev.kubeclient.informers.internal.FactoryInformers;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.ResourceClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Shared informers for the typed API: client-go's {@code SharedInformerFactory}. Asking twice for
 * one type gives the same informer, so every part of a program shares one cache and one watch per
 * resource.
 *
 * <pre>{@code
 * try (SharedInformerFactory factory = SharedInformerFactory.newBuilder(clientSet)
 *     .defaultResync(Duration.ofMinutes(10)).build()) {
 *   SharedIndexInformer<Deployment> informer = factory.appsV1().deployments().informer();
 *   informer.addEventHandler(handler);
 *   factory.start();
 *   factory.waitForCacheSync(Duration.ofMinutes(1));
 *   Deployment d = factory.appsV1().deployments().lister().deployments("prod").get("web");
 * }
 * }</pre>
 *
 * <p>Threads: each started informer has its reflector thread; all share this factory's worker pool
 * (at most the processors, 2 to 8, plus one per blocked handler) and one timer thread, all daemons
 * that end when idle; see {@link SharedIndexInformer}. {@link #shutdown()} stops every informer and
 * waits for all of these threads.
 *
 * <p>Thread-safe.
 */
public final class SharedInformerFactory extends InformerGroups implements AutoCloseable {
  /** Numbers the factories, so that each one's shared threads have their own names. */
  private static final AtomicInteger FACTORIES = new AtomicInteger();

  private final ClientSet clientSet;
  private final Duration defaultResync;
  private final String namespace;
  private final @Nullable UnaryOperator<ListOptions> tweakListOptions;
  private final Map<Class<?>, Duration> customResync;
  private final @Nullable TransformFunc<KubernetesObject> transform;
  private final boolean useWatchList;
  private final FactoryInformers<Class<?>> informers;

  private SharedInformerFactory(Builder b) {
    this.clientSet = b.clientSet;
    this.defaultResync = b.defaultResync;
    this.namespace = b.namespace;
    this.tweakListOptions = b.tweakListOptions;
    this.customResync = Map.copyOf(b.customResync);
    this.transform = b.transform;
    this.useWatchList = b.useWatchList;
    this.informers =
        new FactoryInformers<>(
            new InformerRuntime(
                "kube-informer-factory-" + FACTORIES.incrementAndGet(), b.clock, b.workers));
  }

  /** A builder of a factory over {@code clientSet}. */
  public static Builder newBuilder(ClientSet clientSet) {
    return new Builder(clientSet);
  }

  /** The client set the informers list and watch with. */
  public ClientSet clientSet() {
    return clientSet;
  }

  /**
   * The shared informer of one resource, made on first use: the generic core of the generated
   * accessors ({@code appsV1().deployments().informer()}), usable directly for any typed resource.
   *
   * @param groupVersion the resource's group/version, such as {@code apps/v1}
   * @param resource the plural resource name, such as {@code deployments}
   * @param namespaced whether the resource is namespaced (then the factory's namespace applies)
   * @param type the object class, the key informers are shared by
   * @param listType the list class
   * @throws IllegalStateException when the factory is shut down
   */
  public <T extends KubernetesObject, L> SharedIndexInformer<T> informerFor(
      String groupVersion, String resource, boolean namespaced, Class<T> type, Class<L> listType) {
    checkNotNull(groupVersion, "groupVersion");
    checkNotNull(resource, "resource");
    checkNotNull(type, "type");
    checkNotNull(listType, "listType");
    return informers.informerFor(
        type, () -> newInformer(groupVersion, resource, namespaced, type, listType));
  }

  private <T extends KubernetesObject, L> SharedIndexInformer<T> newInformer(
      String groupVersion, String resource, boolean namespaced, Class<T> type, Class<L> listType) {
    RESTClient rest = clientSet.restClient(groupVersion);
    ResourceClient<T, L> client;
    if (!namespaced) {
      client = ResourceClient.clusterScoped(rest, resource, type, listType);
    } else if (namespace.isEmpty()) {
      client = ResourceClient.allNamespaces(rest, resource, type, listType);
    } else {
      client = ResourceClient.namespaced(rest, resource, namespace, type, listType);
    }
    ListerWatcher<T> lw = ListerWatcher.forResource(client);
    if (tweakListOptions != null) {
      lw = lw.withTweak(tweakListOptions);
    }
    String description =
        groupVersion
            + "/"
            + type.getSimpleName()
            + (namespaced && !namespace.isEmpty() ? " in " + namespace : "");
    DefaultSharedIndexInformer<T> informer =
        new DefaultSharedIndexInformer<>(
            new InformerConfig<>(
                lw,
                type,
                qualifiedName(groupVersion, resource),
                description,
                customResync.getOrDefault(type, defaultResync),
                Indexers.namespace(),
                useWatchList,
                DefaultSharedIndexInformer.mutationDetectionFromEnvironment()),
            informers.runtime(),
            false);
    if (transform != null) {
      @SuppressWarnings("unchecked")
      TransformFunc<T> t = (TransformFunc<T>) (TransformFunc<?>) transform;
      informer.setTransform(t);
    }
    return informer;
  }

  /** kubectl's fully qualified name, {@code resource.version.group}, unique per informer type. */
  private static String qualifiedName(String groupVersion, String resource) {
    int slash = groupVersion.indexOf('/');
    return slash < 0
        ? resource + "." + groupVersion
        : resource
            + "."
            + groupVersion.substring(slash + 1)
            + "."
            + groupVersion.substring(0, slash);
  }

  /**
   * Starts every informer made so far and not yet started; call again after asking for more. Does
   * nothing once shut down.
   */
  public void start() {
    informers.start();
  }

  /**
   * Waits until every started informer has synced or {@code timeout} passes.
   *
   * @return for each started informer's type, whether it synced
   */
  public Map<Class<?>, Boolean> waitForCacheSync(Duration timeout) {
    return informers.waitForCacheSync(timeout);
  }

  /**
   * Stops every informer and waits for all their threads, the shared workers and timer included.
   * Afterwards {@link #start()} does nothing and no informer can be made. Idempotent.
   */
  public void shutdown() {
    informers.shutdown();
  }

  /** Same as {@link #shutdown()}. */
  @Override
  public void close() {
    shutdown();
  }

  /**
   * Options of a factory (client-go's {@code SharedInformerOption}s). Setters check their argument.
   * Not thread-safe.
   */
  public static final class Builder {
    private final ClientSet clientSet;
    private Duration defaultResync = Duration.ZERO;
    private String namespace = "";
    private @Nullable UnaryOperator<ListOptions> tweakListOptions;
    private final Map<Class<?>, Duration> customResync = new HashMap<>();
    private @Nullable TransformFunc<KubernetesObject> transform;
    private boolean useWatchList;
    private Clock clock = Clock.system();
    private int workers = InformerRuntime.defaultWorkers();

    private Builder(ClientSet clientSet) {
      this.clientSet = checkNotNull(clientSet, "clientSet");
    }

    /** The resync period of informers and their handlers (default zero: no resync). */
    public Builder defaultResync(Duration resync) {
      checkArgument(!resync.isNegative(), "defaultResync must not be negative: %s", resync);
      this.defaultResync = resync;
      return this;
    }

    /** A resync period for informers of one type (client-go's {@code WithCustomResyncConfig}). */
    public Builder customResync(Class<? extends KubernetesObject> type, Duration resync) {
      checkNotNull(type, "type");
      checkArgument(!resync.isNegative(), "resync of %s must not be negative: %s", type, resync);
      customResync.put(type, resync);
      return this;
    }

    /** Watches only this namespace (namespaced resources); default all namespaces. */
    public Builder namespace(String namespace) {
      this.namespace = checkNotNull(namespace, "namespace");
      return this;
    }

    /** Changes the options of every list and watch, for example to add a label selector. */
    public Builder tweakListOptions(UnaryOperator<ListOptions> tweak) {
      this.tweakListOptions = checkNotNull(tweak, "tweak");
      return this;
    }

    /** A transform for every informer's objects (client-go's {@code WithTransform}). */
    public Builder transform(TransformFunc<KubernetesObject> transform) {
      this.transform = checkNotNull(transform, "transform");
      return this;
    }

    /** Stream initial states with watch-lists (see {@code Reflector}); default false. */
    public Builder useWatchList(boolean use) {
      this.useWatchList = use;
      return this;
    }

    /** The clock of backoff, resync and timers (default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** The worker threads shared by this factory's informers (default: processors, 2 to 8). */
    public Builder workers(int workers) {
      checkArgument(workers > 0, "workers must be positive: %s", workers);
      this.workers = workers;
      return this;
    }

    /** Builds the factory; no thread starts before {@link SharedInformerFactory#start()}. */
    public SharedInformerFactory build() {
      return new SharedInformerFactory(this);
    }
  }
}
