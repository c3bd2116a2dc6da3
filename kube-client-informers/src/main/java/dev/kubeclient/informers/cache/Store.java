package dev.kubeclient.informers.cache;

import dev.kubeclient.informers.cache.internal.DefaultIndexer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A keyed, thread-safe object store: client-go's {@code Store}. The key of an object comes from the
 * store's {@link KeyFunc}.
 *
 * <p>Safe for concurrent use. Objects are stored by reference: treat what {@link #list()} and
 * {@link #get} return as read-only, since other readers share them.
 *
 * @param <T> the object type
 */
public interface Store<T> extends ReflectorStore<T>, KeyListerGetter<T> {
  /** Every object, in no particular order. */
  List<T> list();

  /** The stored object with the key of {@code obj}, or null. */
  @Nullable T get(T obj);

  /** A store over a hash map and a read-write lock, keyed by {@code keyFunc}. */
  static <T> Store<T> newStore(KeyFunc<? super T> keyFunc) {
    return new DefaultIndexer<T>(keyFunc, Map.of(), null);
  }
}
