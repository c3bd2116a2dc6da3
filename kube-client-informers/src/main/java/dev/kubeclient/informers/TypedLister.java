package dev.kubeclient.informers;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.labels.Selector;
import dev.kubeclient.informers.cache.Indexer;
import dev.kubeclient.informers.cache.Lister;
import dev.kubeclient.informers.cache.NamespaceLister;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The generic base of the generated listers ({@code DeploymentLister}, ...): reads an informer's
 * indexed cache. Generated subclasses add the namespace accessor named after the resource ({@code
 * lister.deployments("prod")}), as client-go's listers do.
 *
 * <p>Thread-safe. Returned objects are the cache's: never mutate them.
 *
 * @param <T> the object type
 */
public abstract class TypedLister<T extends KubernetesObject> implements Lister<T> {
  private final Lister<T> lister;

  /** A lister over {@code indexer}. */
  protected TypedLister(Indexer<T> indexer) {
    this.lister = Lister.of(indexer);
  }

  @Override
  public final List<T> list(Selector selector) {
    return lister.list(selector);
  }

  @Override
  public final @Nullable T get(String name) {
    return lister.get(name);
  }

  @Override
  public final NamespaceLister<T> namespace(String namespace) {
    return lister.namespace(namespace);
  }
}
