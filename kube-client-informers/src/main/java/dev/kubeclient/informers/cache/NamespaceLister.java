package dev.kubeclient.informers.cache;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.labels.Selector;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the objects of one namespace from an informer's cache: client-go's namespace lister.
 * Thread-safe; returned objects are the cache's: never mutate them.
 *
 * @param <T> the object type
 */
public interface NamespaceLister<T extends KubernetesObject> {
  /** The objects of the namespace whose labels match {@code selector}. */
  List<T> list(Selector selector);

  /** The object named {@code name} in the namespace, or null. */
  @Nullable T get(String name);
}
