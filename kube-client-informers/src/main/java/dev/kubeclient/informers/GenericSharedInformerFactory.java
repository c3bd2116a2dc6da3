package dev.kubeclient.informers;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.cache.Indexers;
import dev.kubeclient.informers.cache.Lister;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.informers.cache.TransformFunc;
import dev.kubeclient.informers.cache.internal.DefaultSharedIndexInformer;
import dev.kubeclient.informers.cache.internal.InformerConfig;
import dev.kubeclient.informers.cache.internal.InformerRuntime;
import dev.kubeclient.informers.internal.FactoryInformers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Shared informers of resources named by {@link GroupVersionResource}, with objects of one
 * representation: what {@link DynamicSharedInformerFactory} ({@code Unstructured}) and {@link
 * MetadataSharedInformerFactory} (metadata only) have in common. Asking twice for one resource
 * gives the same informer.
 *
 * <p>Threads: as {@link SharedInformerFactory}: a reflector thread per started informer, a worker
 * pool and a timer thread shared by the factory's informers, all daemons; {@link #shutdown()} stops
 * every informer and waits for these threads.
 *
 * <p>Thread-safe.
 *
 * @param <T> the object type
 */
public abstract sealed class GenericSharedInformerFactory<T extends KubernetesObject>
    implements AutoCloseable permits DynamicSharedInformerFactory, MetadataSharedInformerFactory {
  /** Numbers the factories, so that each one's shared threads have their own names. */
  private static final AtomicInteger FACTORIES = new AtomicInteger();

  /** Makes the lister-watcher of a resource in a namespace ("" for all or cluster-scoped). */
  interface Source<T extends KubernetesObject> {
    ListerWatcher<T> listerWatcher(GroupVersionResource resource, String namespace);
  }

  private final Class<T> type;
  private final Source<T> source;
  private final String representation;
  private final Duration defaultResync;
  private final String namespace;
  private final @Nullable UnaryOperator<ListOptions> tweakListOptions;
  private final @Nullable TransformFunc<T> transform;
  private final boolean useWatchList;
  private final FactoryInformers<GroupVersionResource> informers;

  GenericSharedInformerFactory(
      Builder<T, ?> b, Class<T> type, String representation, Source<T> source) {
    this.type = type;
    this.source = source;
    this.representation = representation;
    this.defaultResync = b.defaultResync;
    this.namespace = b.namespace;
    this.tweakListOptions = b.tweakListOptions;
    this.transform = b.transform;
    this.useWatchList = b.useWatchList;
    this.informers =
        new FactoryInformers<>(
            new InformerRuntime(
                "kube-informer-" + representation + "-factory-" + FACTORIES.incrementAndGet(),
                b.clock,
                b.workers));
  }

  /**
   * The shared informer of {@code resource} and its lister, the informer made on first use (client
   * -go's {@code ForResource}). Namespaced resources are watched in the factory's namespace (all by
   * default); for a cluster-scoped resource leave the factory's namespace empty.
   *
   * @throws IllegalStateException when the factory is shut down
   */
  public GenericInformer<T> forResource(GroupVersionResource resource) {
    checkNotNull(resource, "resource");
    SharedIndexInformer<T> informer = informers.informerFor(resource, () -> newInformer(resource));
    Lister<T> lister = Lister.of(informer.getIndexer());
    return new GenericInformer<>() {
      @Override
      public SharedIndexInformer<T> informer() {
        return informer;
      }

      @Override
      public Lister<T> lister() {
        return lister;
      }
    };
  }

  private SharedIndexInformer<T> newInformer(GroupVersionResource resource) {
    ListerWatcher<T> lw = source.listerWatcher(resource, namespace);
    if (tweakListOptions != null) {
      lw = lw.withTweak(tweakListOptions);
    }
    String name =
        resource.resource()
            + "."
            + resource.version()
            + (resource.group().isEmpty() ? "" : "." + resource.group());
    String description =
        representation + " " + resource + (namespace.isEmpty() ? "" : " in " + namespace);
    DefaultSharedIndexInformer<T> informer =
        new DefaultSharedIndexInformer<>(
            new InformerConfig<>(
                lw,
                type,
                name,
                description,
                defaultResync,
                Indexers.namespace(),
                useWatchList,
                DefaultSharedIndexInformer.mutationDetectionFromEnvironment()),
            informers.runtime(),
            false);
    if (transform != null) {
      informer.setTransform(transform);
    }
    return informer;
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
   * @return for each started informer's resource, whether it synced
   */
  public Map<GroupVersionResource, Boolean> waitForCacheSync(Duration timeout) {
    checkNotNull(timeout, "timeout");
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
   * Options of a factory (client-go's {@code NewFilteredDynamicSharedInformerFactory} arguments and
   * more). Setters check their argument. Not thread-safe.
   *
   * @param <T> the object type
   * @param <B> the concrete builder
   */
  public abstract static sealed class Builder<T extends KubernetesObject, B extends Builder<T, B>>
      permits DynamicSharedInformerFactory.Builder, MetadataSharedInformerFactory.Builder {
    private Duration defaultResync = Duration.ZERO;
    private String namespace = "";
    private @Nullable UnaryOperator<ListOptions> tweakListOptions;
    private @Nullable TransformFunc<T> transform;
    private boolean useWatchList;
    private Clock clock = Clock.system();
    private int workers = InformerRuntime.defaultWorkers();

    Builder() {}

    abstract B self();

    /** The resync period of informers and their handlers (default zero: no resync). */
    public B defaultResync(Duration resync) {
      checkArgument(!resync.isNegative(), "defaultResync must not be negative: %s", resync);
      this.defaultResync = resync;
      return self();
    }

    /** Watches only this namespace (namespaced resources); default "", all namespaces. */
    public B namespace(String namespace) {
      this.namespace = checkNotNull(namespace, "namespace");
      return self();
    }

    /** Changes the options of every list and watch, for example to add a label selector. */
    public B tweakListOptions(UnaryOperator<ListOptions> tweak) {
      this.tweakListOptions = checkNotNull(tweak, "tweak");
      return self();
    }

    /** A transform of every object before it is cached (client-go's {@code SetTransform}). */
    public B transform(TransformFunc<T> transform) {
      this.transform = checkNotNull(transform, "transform");
      return self();
    }

    /** Stream initial states with watch-lists (see {@code Reflector}); default false. */
    public B useWatchList(boolean use) {
      this.useWatchList = use;
      return self();
    }

    /** The clock of backoff, resync and timers (default the system clock). */
    public B clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return self();
    }

    /** The worker threads shared by this factory's informers (default: processors, 2 to 8). */
    public B workers(int workers) {
      checkArgument(workers > 0, "workers must be positive: %s", workers);
      this.workers = workers;
      return self();
    }
  }
}
