package dev.kubeclient.informers.cache;

/**
 * Receives the changes of an informer's cache: client-go's {@code ResourceEventHandler}. Calls for
 * one handler come one at a time, in order per object, on a pool thread, after the cache holds the
 * change; different handlers are independent, and a slow handler delays only itself.
 *
 * <p>The objects are the cache's own: never mutate them. An exception thrown here is logged and
 * does not stop later notifications to this or any other handler. Lengthy work belongs in a
 * workqueue, not here.
 *
 * @param <T> the object type
 */
public interface ResourceEventHandler<T> {
  /**
   * An object appeared in the cache.
   *
   * @param isInInitialList whether it came with the informer's first list (or, for a handler added
   *     to a running informer, was in the cache when the handler was added)
   */
  default void onAdd(T obj, boolean isInInitialList) {}

  /**
   * An object changed; also called for every object on a resync, with {@code oldObj} and {@code
   * newObj} of the same resourceVersion.
   */
  default void onUpdate(T oldObj, T newObj) {}

  /**
   * An object was deleted.
   *
   * @param obj its last state; when {@code finalStateUnknown}, the state the cache last knew,
   *     because the deletion happened while the watch was down and was found by a relist (client-go
   *     hands a {@link DeletedFinalStateUnknown} tombstone in that case)
   */
  default void onDelete(T obj, boolean finalStateUnknown) {}
}
