package dev.kubeclient.informers.watch;

import dev.kubeclient.rest.WatchEvent;

/**
 * A condition on a watch event (client-go's {@code watchtools.ConditionFunc}): true when reached,
 * false to keep waiting; an exception ends the wait and is passed to the caller. Conditions that
 * look at the state an event carries ("the Deployment is Available") are more robust than ones that
 * look for a particular change, since a restarted or relisted watch may skip intermediate changes.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface ConditionFunc<T> {
  /** Whether {@code event} reaches the condition. */
  boolean test(WatchEvent<T> event);
}
