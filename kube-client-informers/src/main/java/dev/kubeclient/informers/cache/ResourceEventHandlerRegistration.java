package dev.kubeclient.informers.cache;

/**
 * The handle of a handler added to an informer: client-go's {@code
 * ResourceEventHandlerRegistration}. Pass it to {@link SharedInformer#removeEventHandler} to remove
 * the handler. Thread-safe.
 */
public interface ResourceEventHandlerRegistration extends InformerSynced {
  /**
   * Whether the informer has synced and this handler has been handed every object of the initial
   * list (for a handler added late: every object in the cache when it was added).
   */
  @Override
  boolean hasSynced();
}
