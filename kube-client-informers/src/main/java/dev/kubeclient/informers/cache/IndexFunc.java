package dev.kubeclient.informers.cache;

import java.util.List;

/**
 * Computes the indexed values of an object: client-go's {@code IndexFunc}. Must be deterministic
 * and fast; it runs under the store's write lock. An object may have no, one or many values.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface IndexFunc<T> {
  /** The indexed values of {@code obj}. */
  List<String> index(T obj);
}
