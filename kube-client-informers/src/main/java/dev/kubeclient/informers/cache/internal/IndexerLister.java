package dev.kubeclient.informers.cache.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.labels.Selector;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.informers.cache.Indexer;
import dev.kubeclient.informers.cache.Indexers;
import dev.kubeclient.informers.cache.Lister;
import dev.kubeclient.informers.cache.NamespaceLister;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Lister} over an indexer: client-go's {@code ListAll} and {@code ListAllByNamespace},
 * using the namespace index and skipping label matching for an empty selector.
 *
 * @param <T> the object type
 */
public final class IndexerLister<T extends KubernetesObject> implements Lister<T> {
  private final Indexer<T> indexer;

  /** A lister over {@code indexer}. */
  public IndexerLister(Indexer<T> indexer) {
    this.indexer = checkNotNull(indexer, "indexer");
  }

  @Override
  public List<T> list(Selector selector) {
    return filter(indexer.list(), checkNotNull(selector, "selector"));
  }

  @Override
  public @Nullable T get(String name) {
    return indexer.getByKey(checkNotNull(name, "name"));
  }

  @Override
  public NamespaceLister<T> namespace(String namespace) {
    checkNotNull(namespace, "namespace");
    return new NamespaceLister<>() {
      @Override
      public List<T> list(Selector selector) {
        checkNotNull(selector, "selector");
        if (namespace.isEmpty()) {
          return IndexerLister.this.list(selector);
        }
        List<T> items;
        if (indexer.getIndexers().containsKey(Indexers.NAMESPACE_INDEX)) {
          items = indexer.byIndex(Indexers.NAMESPACE_INDEX, namespace);
        } else {
          items = new ArrayList<>();
          for (T o : indexer.list()) {
            ObjectMeta m = o.getMetadata();
            if (m != null && namespace.equals(m.getNamespace())) {
              items.add(o);
            }
          }
        }
        return filter(items, selector);
      }

      @Override
      public @Nullable T get(String name) {
        return indexer.getByKey(namespace + "/" + checkNotNull(name, "name"));
      }
    };
  }

  private static <T extends KubernetesObject> List<T> filter(List<T> items, Selector selector) {
    if (selector.isEmpty()) {
      return items;
    }
    List<T> out = new ArrayList<>();
    for (T o : items) {
      ObjectMeta m = o.getMetadata();
      Map<String, String> labels = m == null ? Map.of() : m.getLabels();
      if (selector.matches(labels)) {
        out.add(o);
      }
    }
    return out;
  }
}
