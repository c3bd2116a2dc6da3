package dev.kubeclient.informers.cache;

/**
 * Makes the store key of an object: client-go's {@code KeyFunc}. Implementations must be
 * deterministic and side-effect free; they may be called under a store's lock.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface KeyFunc<T> {
  /**
   * The key of {@code obj}.
   *
   * @throws KeyException when no key can be made, for example for an object without a name
   */
  String key(T obj);
}
