package dev.kubeclient.informers.cache;

/**
 * Transforms an object before it is queued and cached: client-go's {@code TransformFunc}, for
 * example to drop {@code managedFields} and save memory. It sees each object first, before any
 * other reader, so it may change it in place and return it. It must be idempotent and fast, and
 * must not fail for objects it has already transformed.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface TransformFunc<T> {
  /** The object to store instead of {@code obj} (often {@code obj} itself, changed). */
  T transform(T obj);
}
