package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.informers.cache.internal.DefaultSharedIndexInformer;
import dev.kubeclient.informers.cache.internal.InformerConfig;
import dev.kubeclient.informers.cache.internal.InformerRuntime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link SharedInformer} with an indexed cache: client-go's {@code SharedIndexInformer}.
 *
 * <pre>{@code
 * SharedIndexInformer<Pod> pods = SharedIndexInformer
 *     .newBuilder(ListerWatcher.forResource(clientSet.coreV1().podsInAllNamespaces()), Pod.class)
 *     .build();
 * pods.addEventHandler(new ResourceEventHandler<>() {
 *   public void onAdd(Pod pod, boolean initial) { queue.add(KeyFunctions.metaNamespaceKey(pod)); }
 * });
 * pods.start();
 * Cache.waitForCacheSync(Duration.ofMinutes(1), pods);
 * }</pre>
 *
 * <p>Threads: each running informer has one reflector thread ({@code
 * kube-informer-<name>-reflector}), blocked on its watch. Processing the queue and delivering to
 * handlers are short tasks on a pool shared by all informers of a factory (or of the process),
 * whose threads ({@code kube-informer-worker-N}) number at most the processors (2 to 8) plus one
 * per handler blocked for more than 100 ms, plus one timer thread; idle pool threads end after 30
 * seconds. So 50 informers need about 50 + 8 threads, an idle handler holds none, and a slow
 * handler holds one and delays only itself. A list is decoded with the help of the JVM's shared
 * list-decoder threads ({@code kube-client-list-decoder-N}: one fewer than the processors, at most
 * 4), which end 10 seconds after the last list. All threads are daemons.
 *
 * <p>Each handler has its own unbounded buffer: a handler that falls behind costs memory, not other
 * handlers' latency.
 *
 * <p>Lifecycle: new, then running after {@link #start()} or {@link #run()}, then stopped after
 * {@link #stop()} (terminal; an informer runs once). Indexers, the transform and the watch error
 * handler must be set before starting.
 *
 * @param <T> the object type
 */
public interface SharedIndexInformer<T> extends SharedInformer<T> {
  /**
   * Adds indexes to the cache; objects already cached are indexed at once.
   *
   * @throws IllegalArgumentException when a name is taken
   * @throws IllegalStateException when the informer has stopped
   */
  void addIndexers(Map<String, ? extends IndexFunc<T>> indexers);

  /** The indexed cache. Read it; never write to it or mutate what it returns. */
  Indexer<T> getIndexer();

  /** A builder of an informer over {@code listerWatcher} for objects of {@code type}. */
  static <T extends KubernetesObject> Builder<T> newBuilder(
      ListerWatcher<T> listerWatcher, Class<T> type) {
    return new Builder<>(listerWatcher, type);
  }

  /**
   * Options of an informer (client-go's {@code SharedIndexInformerOptions}). Not thread-safe.
   *
   * @param <T> the object type
   */
  final class Builder<T extends KubernetesObject> {
    private final ListerWatcher<T> listerWatcher;
    private final Class<T> type;
    private String name;
    private String description;
    private Duration resyncPeriod = Duration.ZERO;
    private final Map<String, IndexFunc<T>> indexers = new LinkedHashMap<>();
    private Clock clock = Clock.system();
    private boolean useWatchList;
    private boolean detectMutations = DefaultSharedIndexInformer.mutationDetectionFromEnvironment();

    private Builder(ListerWatcher<T> listerWatcher, Class<T> type) {
      this.listerWatcher = checkNotNull(listerWatcher, "listerWatcher");
      this.type = checkNotNull(type, "type");
      this.name = type.getSimpleName().toLowerCase(Locale.ROOT);
      this.description = type.getSimpleName();
      this.indexers.putAll(Indexers.namespace());
    }

    /** The name in thread names and log lines (default the lower-cased type name). */
    public Builder<T> name(String name) {
      this.name = checkNotNull(name, "name");
      return this;
    }

    /** What is cached, for log lines, such as {@code v1/Pod} (default the type name). */
    public Builder<T> objectDescription(String description) {
      this.description = checkNotNull(description, "description");
      return this;
    }

    /** The default resync period of handlers and the resync check period (default zero: none). */
    public Builder<T> resyncPeriod(Duration period) {
      checkArgument(!period.isNegative(), "resyncPeriod must not be negative: %s", period);
      this.resyncPeriod = period;
      return this;
    }

    /** Adds an index (the namespace index is always there). */
    public Builder<T> indexer(String name, IndexFunc<T> indexFunc) {
      checkNotNull(name, "name");
      checkNotNull(indexFunc, "indexFunc");
      checkArgument(!indexers.containsKey(name), "index %s is already defined", name);
      indexers.put(name, indexFunc);
      return this;
    }

    /** Streams the initial state with a watch-list (see {@link Reflector}); default false. */
    public Builder<T> useWatchList(boolean use) {
      this.useWatchList = use;
      return this;
    }

    /**
     * Test mode: keeps a copy of every cached object for two minutes and compares it every second;
     * a difference (code mutated a shared object) is logged and stops the informer with an
     * exception. Default: the environment variable {@code KUBE_CACHE_MUTATION_DETECTOR}, as in
     * client-go. Costs a JSON copy of every object: tests only.
     */
    public Builder<T> detectMutations(boolean detect) {
      this.detectMutations = detect;
      return this;
    }

    /**
     * The clock of backoff, resync and timers (default the system clock). An informer with another
     * clock gets threads of its own rather than the shared pool's.
     */
    public Builder<T> clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** Builds the informer (not started). */
    public SharedIndexInformer<T> build() {
      InformerConfig<T> config =
          new InformerConfig<>(
              listerWatcher,
              type,
              name,
              description,
              resyncPeriod,
              indexers,
              useWatchList,
              detectMutations);
      if (clock == Clock.system()) {
        return new DefaultSharedIndexInformer<>(config, InformerRuntime.shared(), false);
      }
      return new DefaultSharedIndexInformer<>(
          config, new InformerRuntime("kube-informer-" + name, clock, 2), true);
    }
  }
}
