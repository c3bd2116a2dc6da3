package dev.kubeclient.rest;

import java.util.Iterator;

/**
 * An open watch: a stream of {@link WatchEvent}s decoded one by one from the server's chunked
 * response as they arrive (client-go's {@code watch.Interface}). Iterate it on one thread:
 *
 * <pre>{@code
 * try (Watch<Pod> w = client.get().resource("pods").param("watch", "true").watch(Pod.class)) {
 *   while (w.hasNext()) {
 *     WatchEvent<Pod> e = w.next();
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #hasNext()} blocks until an event arrives or the watch ends. It returns false when the
 * server ends the watch (its {@code timeoutSeconds}, a clean close), when the client-side deadline
 * passes, or after {@link #close()}. An ERROR event is thrown from {@code hasNext()} as the API
 * exception its Status maps to (410 Gone when the resourceVersion is too old); a broken connection
 * is thrown as a transport exception.
 *
 * <p>Iteration is confined to one thread; {@link #close()} may be called from any thread and
 * unblocks the iterating one. Always close a watch.
 *
 * @param <T> the object type
 */
public interface Watch<T> extends Iterator<WatchEvent<T>>, AutoCloseable {
  /** Stops the watch and releases the connection. Idempotent; safe from any thread. */
  @Override
  void close();
}
