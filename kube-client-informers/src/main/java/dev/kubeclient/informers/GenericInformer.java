package dev.kubeclient.informers;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.informers.cache.Lister;
import dev.kubeclient.informers.cache.SharedIndexInformer;

/**
 * The shared informer of one resource and a lister of its cache, as the dynamic and metadata
 * informer factories hand them out: client-go's {@code GenericInformer}.
 *
 * <p>Thread-safe.
 *
 * @param <T> the object type
 */
public interface GenericInformer<T extends KubernetesObject> {
  /** The resource's shared informer; the same on every call. */
  SharedIndexInformer<T> informer();

  /** A lister reading the informer's cache. */
  Lister<T> lister();
}
