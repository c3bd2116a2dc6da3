package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * A tombstone: the object was deleted while the watch was down, so its final state is unknown and
 * {@link #obj()} is the last state the cache knew, possibly stale (client-go's {@code
 * DeletedFinalStateUnknown}). A {@link DeltaFIFO} makes one for each known key missing from a
 * relist.
 *
 * @param key the store key of the deleted object
 * @param obj the last known state, or null when even that is unknown
 * @param <T> the object type
 */
public record DeletedFinalStateUnknown<T>(String key, @Nullable T obj) {
  /** Checks the key. */
  public DeletedFinalStateUnknown {
    checkNotNull(key, "key");
  }
}
