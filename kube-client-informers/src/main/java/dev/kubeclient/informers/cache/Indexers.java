package dev.kubeclient.informers.cache;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import java.util.List;
import java.util.Map;

/** The built-in index: client-go's {@code NamespaceIndex} and {@code MetaNamespaceIndexFunc}. */
public final class Indexers {
  /** The name of the namespace index. */
  public static final String NAMESPACE_INDEX = "namespace";

  private static final List<String> NO_NAMESPACE = List.of("");

  private Indexers() {}

  /** Indexes an object by its namespace ({@code ""} for cluster-scoped objects). */
  public static <T extends KubernetesObject> IndexFunc<T> metaNamespaceIndexFunc() {
    return obj -> {
      ObjectMeta meta = obj.getMetadata();
      String namespace = meta == null ? null : meta.getNamespace();
      return namespace == null || namespace.isEmpty() ? NO_NAMESPACE : List.of(namespace);
    };
  }

  /** The indexers every informer gets: the namespace index. */
  public static <T extends KubernetesObject> Map<String, IndexFunc<T>> namespace() {
    return Map.of(NAMESPACE_INDEX, metaNamespaceIndexFunc());
  }
}
