package dev.kubeclient.informers.cache;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.labels.Selector;
import dev.kubeclient.informers.cache.internal.IndexerLister;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads objects of one resource from an informer's cache: client-go's generic lister. For a
 * namespaced resource, {@link #get} takes a key ({@code ns/name}); prefer {@link #namespace}.
 *
 * <p>Thread-safe. Returned objects are the cache's: never mutate them.
 *
 * @param <T> the object type
 */
public interface Lister<T extends KubernetesObject> {
  /** The objects in every namespace whose labels match {@code selector}. */
  List<T> list(Selector selector);

  /** The object stored under {@code name} (a cluster-scoped name, or a key), or null. */
  @Nullable T get(String name);

  /** The objects of one namespace. */
  NamespaceLister<T> namespace(String namespace);

  /**
   * A lister over {@code indexer}, which must have the namespace index for fast namespace lists.
   */
  static <T extends KubernetesObject> Lister<T> of(Indexer<T> indexer) {
    return new IndexerLister<>(indexer);
  }
}
