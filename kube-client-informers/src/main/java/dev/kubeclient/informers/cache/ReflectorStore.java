package dev.kubeclient.informers.cache;

import java.util.Collection;

/**
 * The part of a {@link Store} a {@link Reflector} writes to: client-go's {@code ReflectorStore}.
 * Implementations are safe for concurrent use.
 *
 * @param <T> the object type
 */
public interface ReflectorStore<T> {
  /** Records that {@code obj} was added. */
  void add(T obj);

  /** Records that {@code obj} changed. */
  void update(T obj);

  /** Records that {@code obj} was deleted; {@code obj} is its last state. */
  void delete(T obj);

  /**
   * Replaces the whole content with {@code list}, the result of a list at {@code resourceVersion}.
   * The store may keep the objects; the caller must not change them afterwards.
   */
  void replace(Collection<? extends T> list, String resourceVersion);

  /** A periodic resync: meaningful for queues (a {@link DeltaFIFO} re-delivers every object). */
  void resync();
}
