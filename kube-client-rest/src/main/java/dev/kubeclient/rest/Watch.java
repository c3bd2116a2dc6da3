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
 * watch ends for any reason client-go's {@code StreamWatcher} treats as an end: the server ends it
 * (its {@code timeoutSeconds}, a clean close), the connection drops or the HTTP/2 stream is reset,
 * the stream stops in the middle of an event, the client-side deadline passes, or {@link #close()}
 * is called (directly or by closing the transport). Callers then start a new watch from the last
 * resourceVersion they saw, as client-go's reflector does; such ends are logged at DEBUG.
 *
 * <p>Two things are thrown from {@code hasNext()}, and the watch is over afterwards (on purpose
 * unlike client-go, which hands both over as an event of type {@code ERROR} holding a Status: in
 * Java an exception cannot be ignored by a loop that only looks at ADDED, MODIFIED and DELETED):
 *
 * <ul>
 *   <li>a server ERROR event: its Status is thrown as the {@code ApiException} it maps to, exactly
 *       as for a failed request: 410 with reason {@code Expired} ("too old resource version") as
 *       {@code ResourceExpiredException}, a {@code GoneException}; reason {@code Gone} as {@code
 *       GoneException}; and so on. A reflector relists when {@code Errors.isGone} holds;
 *   <li>an event that cannot be decoded (not JSON, an unknown event type, an object that does not
 *       fit the type): a {@code DecodeException}, client-go's {@code ClientWatchDecoding} error.
 * </ul>
 *
 * <p>Iteration is confined to one thread; {@link #close()} may be called from any thread and
 * unblocks the iterating one. Always close a watch.
 *
 * @param <T> the object type
 */
public interface Watch<T> extends Iterator<WatchEvent<T>>, AutoCloseable {
  /**
   * A hint, without blocking: true when the next event is known to have started arriving (its bytes
   * are already read from the connection), so that {@link #hasNext()} will most likely not wait for
   * the server. A consumer that hands events to another thread can then hand over a batch and wake
   * that thread once, rather than once per event. False when nothing is buffered or it is not
   * known, which is always correct.
   */
  default boolean isNextBuffered() {
    return false;
  }

  /** Stops the watch and releases the connection. Idempotent; safe from any thread. */
  @Override
  void close();
}
