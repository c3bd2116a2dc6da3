package dev.kubeclient.informers.cache;

/**
 * Whether something has synced: client-go's {@code InformerSynced}. Informers and handler
 * registrations are ones; see {@link Cache#waitForCacheSync}.
 */
@FunctionalInterface
public interface InformerSynced {
  /** Whether the initial list has been fully processed. */
  boolean hasSynced();
}
