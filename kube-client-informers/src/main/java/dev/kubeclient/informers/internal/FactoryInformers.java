package dev.kubeclient.informers.internal;

import dev.kubeclient.informers.cache.Cache;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.informers.cache.internal.InformerRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The informers of one factory, by key (an object class for the typed factory, a resource for the
 * dynamic and metadata ones): client-go's {@code sharedInformerFactory} bookkeeping. One informer
 * per key, made on first use; {@link #start()} starts those not started yet; {@link #shutdown()}
 * stops all and then the factory's shared threads.
 *
 * <p>Thread-safe.
 *
 * @param <K> the key type
 */
public final class FactoryInformers<K> {
  private final InformerRuntime runtime;

  /** Guarded by {@code this}. */
  private final Map<K, SharedIndexInformer<?>> informers = new LinkedHashMap<>();

  /** Guarded by {@code this}. */
  private final Set<K> started = new HashSet<>();

  /** Guarded by {@code this}. */
  private boolean shuttingDown;

  /** Informers that share {@code runtime}'s threads, which {@link #shutdown()} ends. */
  public FactoryInformers(InformerRuntime runtime) {
    this.runtime = runtime;
  }

  /** The threads the informers share. */
  public InformerRuntime runtime() {
    return runtime;
  }

  /**
   * The informer of {@code key}, made by {@code create} on first use.
   *
   * @throws IllegalStateException once shut down
   */
  @SuppressWarnings("unchecked")
  public synchronized <I extends SharedIndexInformer<?>> I informerFor(K key, Supplier<I> create) {
    if (shuttingDown) {
      throw new IllegalStateException("informer factory is shut down; no informer for " + key);
    }
    SharedIndexInformer<?> existing = informers.get(key);
    if (existing != null) {
      return (I) existing;
    }
    I made = create.get();
    informers.put(key, made);
    return made;
  }

  /** Starts every informer not started yet; nothing once shut down. */
  public synchronized void start() {
    if (shuttingDown) {
      return;
    }
    for (Map.Entry<K, SharedIndexInformer<?>> e : informers.entrySet()) {
      if (started.add(e.getKey())) {
        e.getValue().start();
      }
    }
  }

  /** Waits until every started informer synced or {@code timeout} passed; whether each did. */
  public Map<K, Boolean> waitForCacheSync(Duration timeout) {
    Map<K, SharedIndexInformer<?>> startedInformers = new LinkedHashMap<>();
    synchronized (this) {
      informers.forEach(
          (key, informer) -> {
            if (started.contains(key)) {
              startedInformers.put(key, informer);
            }
          });
    }
    Cache.waitForCacheSync(
        runtime.clock(), timeout, startedInformers.values().toArray(new SharedIndexInformer<?>[0]));
    Map<K, Boolean> result = new LinkedHashMap<>();
    startedInformers.forEach((key, informer) -> result.put(key, informer.hasSynced()));
    return result;
  }

  /** Stops every informer, then waits for the shared threads. Idempotent. */
  public void shutdown() {
    List<SharedIndexInformer<?>> all;
    synchronized (this) {
      shuttingDown = true;
      all = new ArrayList<>(informers.values());
    }
    for (SharedIndexInformer<?> informer : all) {
      informer.stop();
    }
    try {
      runtime.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
