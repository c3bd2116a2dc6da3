package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.informers.cache.ReflectorStore;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes one watch into a store: client-go's {@code handleAnyWatch}. Events are applied in order;
 * the resourceVersion of each (bookmarks included) is reported, but only once the watch is past the
 * synthetic ADDED events a watch from "" or "0" starts with, since those come in no resourceVersion
 * order.
 *
 * <p>An ERROR event ends the watch with its API exception. A broken connection or an undecodable
 * event ends the watch as a close does (client-go's stream watcher stops quietly on those); the
 * reflector then reopens it from the last resourceVersion.
 *
 * <p>Confined to the reflector thread.
 */
final class WatchHandler {
  private static final Logger log = LoggerFactory.getLogger(WatchHandler.class);

  /** The annotation of the bookmark that ends a watch-list's initial events. */
  static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

  /** A watch that ends within this long without an event is "very short". */
  private static final long VERY_SHORT_NANOS = 1_000_000_000L;

  /** Receives resourceVersions as the watch advances. */
  interface ResourceVersionSink {
    void observed(String resourceVersion, boolean pastInitialAddedEvents);
  }

  /** How a watch ended. */
  static final class Outcome {
    /** The failure, or null for a normal end. */
    @Nullable Throwable error;

    /** Whether the initial-events-end bookmark arrived. */
    boolean initialEventsEnd;

    /** Events handled. */
    int events;
  }

  private WatchHandler() {}

  /**
   * Consumes {@code w} until it ends, or (with {@code exitOnInitialEventsEnd}) until the
   * initial-events-end bookmark, in which case {@code w} is left open for the caller.
   */
  static <T extends KubernetesObject> Outcome handle(
      DefaultReflector<T> reflector,
      Watch<T> w,
      ReflectorStore<T> store,
      long startNanos,
      ResourceVersionSink sink,
      boolean exitOnInitialEventsEnd) {
    Outcome outcome = new Outcome();
    boolean besidesAdded = false;
    boolean keepOpen = false;
    String id = reflector.identity();
    SignallingQueue<T> batch = store instanceof SignallingQueue<T> q ? q : null;
    if (batch != null) {
      batch.deferSignals();
    }
    try {
      while (true) {
        boolean has;
        try {
          if (batch != null && !w.isNextBuffered()) {
            // The next read may wait for the server: the queue gets what came so far first.
            batch.flush();
          }
          has = w.hasNext();
        } catch (ApiException e) {
          outcome.error = e;
          return outcome;
        } catch (RuntimeException e) {
          if (!reflector.isStopping()) {
            log.debug("{}: watch ended: {}", id, e.toString());
          }
          break;
        }
        if (!has) {
          break;
        }
        WatchEvent<T> event = w.next();
        reflector.eventReceived();
        T obj = event.object();
        ObjectMeta meta = obj.getMetadata();
        if (meta == null) {
          log.error("{}: unable to understand watch event {}: no metadata", id, event.type());
          continue;
        }
        String rv = meta.getResourceVersion();
        switch (event.type()) {
          case ADDED -> apply(id, "add", () -> store.add(obj));
          case MODIFIED -> {
            besidesAdded = true;
            apply(id, "update", () -> store.update(obj));
          }
          case DELETED -> {
            besidesAdded = true;
            apply(id, "delete", () -> store.delete(obj));
          }
          case BOOKMARK -> {
            besidesAdded = true;
            if ("true".equals(meta.getAnnotations().get(INITIAL_EVENTS_END))) {
              outcome.initialEventsEnd = true;
            }
          }
          default -> log.error("{}: unknown watch event {}", id, event.type());
        }
        if (rv != null) {
          sink.observed(rv, besidesAdded);
        }
        outcome.events++;
        if (exitOnInitialEventsEnd && outcome.initialEventsEnd) {
          keepOpen = true;
          log.debug(
              "{}: initial events streamed ({} items) in {} ms",
              id,
              outcome.events,
              (reflector.clock().nanoTime() - startNanos) / 1_000_000);
          return outcome;
        }
      }
    } finally {
      if (batch != null) {
        batch.stopDeferring();
      }
      if (!keepOpen) {
        w.close();
      }
    }
    if (!reflector.isStopping()
        && outcome.events == 0
        && reflector.clock().nanoTime() - startNanos < VERY_SHORT_NANOS) {
      outcome.error = new VeryShortWatchException(reflector.name());
    } else {
      log.trace("{}: watch closed after {} items", id, outcome.events);
    }
    return outcome;
  }

  private static void apply(String id, String what, Runnable change) {
    try {
      change.run();
    } catch (RuntimeException e) {
      log.error("{}: unable to {} watch event object in store", id, what, e);
    }
  }
}
