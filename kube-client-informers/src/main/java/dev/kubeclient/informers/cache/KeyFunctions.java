package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;

/**
 * The standard key functions of client-go's {@code tools/cache}: {@code MetaNamespaceKeyFunc}, its
 * tombstone-aware variant and {@code SplitMetaNamespaceKey}. Stateless and thread-safe.
 */
public final class KeyFunctions {
  private KeyFunctions() {}

  /**
   * The key of {@code obj}: {@code namespace/name}, or {@code name} when it has no namespace
   * (client-go's {@code MetaNamespaceKeyFunc}).
   *
   * @throws KeyException when the object has no metadata or no name
   */
  public static String metaNamespaceKey(KubernetesObject obj) {
    checkNotNull(obj, "obj");
    ObjectMeta meta = obj.getMetadata();
    if (meta == null) {
      throw new KeyException("object has no metadata: " + describe(obj));
    }
    String name = meta.getName();
    if (name == null || name.isEmpty()) {
      throw new KeyException("object has no metadata.name: " + describe(obj));
    }
    String namespace = meta.getNamespace();
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** {@link #metaNamespaceKey} as a {@link KeyFunc}. */
  public static <T extends KubernetesObject> KeyFunc<T> metaNamespaceKeyFunc() {
    return KeyFunctions::metaNamespaceKey;
  }

  /**
   * The key of the object a delta is about: the tombstone's key for a {@code Deleted} delta that
   * carries a {@link DeletedFinalStateUnknown}, else {@link #metaNamespaceKey} of its object
   * (client-go's {@code DeletionHandlingMetaNamespaceKeyFunc}).
   *
   * @throws KeyException when the object has no name
   */
  public static String deletionHandlingMetaNamespaceKey(Delta<? extends KubernetesObject> delta) {
    checkNotNull(delta, "delta");
    DeletedFinalStateUnknown<? extends KubernetesObject> tombstone = delta.tombstone();
    if (tombstone != null) {
      return tombstone.key();
    }
    KubernetesObject obj = delta.object();
    if (obj == null) {
      throw new KeyException("delta " + delta.type() + " carries no object");
    }
    return metaNamespaceKey(obj);
  }

  /**
   * Splits a key made by {@link #metaNamespaceKey} (client-go's {@code SplitMetaNamespaceKey}).
   *
   * @throws IllegalArgumentException when the key has more than one {@code /}
   */
  public static ObjectName splitMetaNamespaceKey(String key) {
    checkNotNull(key, "key");
    int slash = key.indexOf('/');
    if (slash < 0) {
      return new ObjectName("", key);
    }
    if (key.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("unexpected key format: \"" + key + "\"");
    }
    return new ObjectName(key.substring(0, slash), key.substring(slash + 1));
  }

  private static String describe(KubernetesObject obj) {
    String kind = obj.getKind();
    return kind == null ? obj.getClass().getSimpleName() : kind;
  }
}
