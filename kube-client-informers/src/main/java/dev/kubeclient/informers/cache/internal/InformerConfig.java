package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.informers.cache.IndexFunc;
import dev.kubeclient.informers.cache.ListerWatcher;
import java.time.Duration;
import java.util.Map;

/**
 * What a {@link DefaultSharedIndexInformer} is made of.
 *
 * @param listerWatcher the source
 * @param type the object class
 * @param name the name in thread names and logs
 * @param description what is cached, in logs
 * @param resyncPeriod the default handler resync period and initial check period
 * @param indexers the cache's indexes
 * @param useWatchList stream the initial state with a watch-list
 * @param detectMutations run the mutation detector
 * @param <T> the object type
 */
public record InformerConfig<T extends KubernetesObject>(
    ListerWatcher<T> listerWatcher,
    Class<T> type,
    String name,
    String description,
    Duration resyncPeriod,
    Map<String, IndexFunc<T>> indexers,
    boolean useWatchList,
    boolean detectMutations) {
  /** Copies the indexers. */
  public InformerConfig {
    indexers = Map.copyOf(indexers);
  }
}
