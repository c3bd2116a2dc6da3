package dev.kubeclient.informers.cache;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something that can list its keys and look objects up by key: client-go's {@code KeyListerGetter},
 * the view of the informer's cache a {@link DeltaFIFO} uses to find deletions missed during a
 * relist and to resync.
 *
 * @param <T> the object type
 */
public interface KeyListerGetter<T> {
  /** Every key. */
  List<String> listKeys();

  /** The object stored under {@code key}, or null. */
  @Nullable T getByKey(String key);
}
