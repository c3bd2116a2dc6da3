package dev.kubeclient.informers.cache;

import java.util.List;

/**
 * Processes the deltas of one key popped from a {@link Queue}: client-go's {@code PopProcessFunc}.
 * It runs under the queue's lock, so that it can update the known objects in step with the queue.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface PopProcessFunc<T> {
  /**
   * Handles every delta of one key, oldest first.
   *
   * @param deltas the deltas, never empty; owned by the callee
   * @param isInInitialList whether the key was part of the first list and the queue has not yet
   *     handed out all of that list
   */
  void process(List<Delta<T>> deltas, boolean isInInitialList);
}
