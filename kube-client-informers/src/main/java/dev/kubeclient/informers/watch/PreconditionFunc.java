package dev.kubeclient.informers.watch;

import dev.kubeclient.informers.cache.Store;

/**
 * A condition on the synced cache of {@link WatchTools#untilWithSync} (client-go's {@code
 * watchtools.PreconditionFunc}): true when it is reached already, so that no event needs to be
 * waited for; an exception ends the wait and is passed to the caller.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface PreconditionFunc<T> {
  /** Whether the cache's state reaches the condition. Never mutate what {@code store} holds. */
  boolean test(Store<T> store);
}
