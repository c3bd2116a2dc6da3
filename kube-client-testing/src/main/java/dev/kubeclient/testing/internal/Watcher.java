package dev.kubeclient.testing.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One open watch: a filter over a bucket and an unbounded queue the store fills while holding its
 * lock (so events reach every watcher in resourceVersion order) and the HTTP thread of the watch
 * drains. Selectors apply to both the old and the new state, so an object that stops matching is
 * delivered as DELETED and one that starts matching as ADDED, as the watch cache does.
 */
public final class Watcher {
  private static final WatchEvent CLOSE = new WatchEvent("", "", placeholder(), null);

  private final String bucket;
  private final @Nullable String namespace;
  private final Predicate<StoredObject> filter;
  private final LinkedBlockingQueue<WatchEvent> queue = new LinkedBlockingQueue<>();

  /** Number of events still allowed before the stream closes, or negative for unlimited. */
  private volatile int remaining;

  private volatile boolean closed;

  /** Creates a watcher; {@code namespace} null watches all namespaces. */
  public Watcher(
      String bucket, @Nullable String namespace, Predicate<StoredObject> filter, int maxEvents) {
    this.bucket = bucket;
    this.namespace = namespace;
    this.filter = filter;
    this.remaining = maxEvents;
  }

  private static StoredObject placeholder() {
    return StoredObject.of(Json.object(), 0);
  }

  /** The bucket this watcher follows. */
  public String bucket() {
    return bucket;
  }

  /** Whether {@code object} is in scope: namespace and selectors. */
  public boolean matches(StoredObject object) {
    return (namespace == null || namespace.equals(object.namespace())) && filter.test(object);
  }

  /** Translates a change into what this watcher sees, and queues it. Called under store lock. */
  void dispatch(WatchEvent event) {
    if (closed) {
      return;
    }
    StoredObject previous = event.previous();
    switch (event.type()) {
      case "ADDED" -> {
        if (matches(event.object())) {
          enqueue(event);
        }
      }
      case "DELETED" -> {
        if (matches(previous != null ? previous : event.object())) {
          enqueue(event);
        }
      }
      default -> {
        boolean before = previous != null && matches(previous);
        boolean after = matches(event.object());
        if (before && after) {
          enqueue(event);
        } else if (before) {
          enqueue(new WatchEvent("DELETED", event.bucket(), event.object(), previous));
        } else if (after) {
          enqueue(new WatchEvent("ADDED", event.bucket(), event.object(), previous));
        }
      }
    }
  }

  /** Queues an event as is (initial state or replayed history). */
  void enqueue(WatchEvent event) {
    if (closed) {
      return;
    }
    queue.add(event);
    if (remaining > 0 && --remaining == 0) {
      close();
    }
  }

  /** Whether no event is waiting. */
  boolean idle() {
    return queue.isEmpty();
  }

  /**
   * The next event, waiting up to {@code timeoutMillis}; null on timeout; an event with an empty
   * type when the watch must end.
   */
  public @Nullable WatchEvent poll(long timeoutMillis) throws InterruptedException {
    return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Moves the events waiting now into {@code sink}, in order. */
  public void drainTo(java.util.Collection<WatchEvent> sink) {
    queue.drainTo(sink);
  }

  /** Whether {@code event} is the end-of-stream marker. */
  public static boolean isClose(WatchEvent event) {
    return event == CLOSE;
  }

  /** Ends the stream after the events already queued. Idempotent. */
  public void close() {
    if (!closed) {
      closed = true;
      queue.add(CLOSE);
    }
  }
}
