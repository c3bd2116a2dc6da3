package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Serves one watch request as a chunked stream of newline-separated {@code WatchEvent} JSON
 * objects, on the request's own thread, until the client goes away, the timeout passes, a fault
 * closes it, or the server stops.
 *
 * <p>Semantics follow the watch cache: resourceVersion "" or "0" starts with synthetic ADDED events
 * for the current state; a resourceVersion R replays the changes after R (410 Expired as an ERROR
 * event when R is older than the history); {@code sendInitialEvents=true} sends the current state
 * and then a BOOKMARK annotated {@code k8s.io/initial-events-end}; {@code allowWatchBookmarks} adds
 * periodic BOOKMARK events carrying the resourceVersion the watcher is up to date with.
 */
public final class WatchStream {
  private static final byte[] NEWLINE = {'\n'};
  private static final byte[] EVENT_END = {'}', '\n'};
  private static final byte[] ADDED = eventStart("ADDED");
  private static final byte[] MODIFIED = eventStart("MODIFIED");
  private static final byte[] DELETED = eventStart("DELETED");

  /** The longest a watch stays open without a timeoutSeconds, like the API server's 30-60 min. */
  private static final long MAX_WATCH_MILLIS = Duration.ofMinutes(30).toMillis();

  private static byte[] eventStart(String type) {
    return ("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
  }

  private final ObjectStore store;
  private final FaultState faults;
  private final long bookmarkIntervalMillis;
  private final LongSupplier clockMillis;

  /** How a stored object is shown to a watcher of a type (custom resources: defaults, version). */
  private final BiFunction<ResourceType, StoredObject, StoredObject> presenter;

  /** Creates the streamer; bookmarks go out after {@code bookmarkInterval} of idleness. */
  public WatchStream(
      ObjectStore store, FaultState faults, Duration bookmarkInterval, LongSupplier clockMillis) {
    this(store, faults, bookmarkInterval, clockMillis, (type, o) -> o);
  }

  /** Creates the streamer; events show objects as {@code presenter} makes them. */
  public WatchStream(
      ObjectStore store,
      FaultState faults,
      Duration bookmarkInterval,
      LongSupplier clockMillis,
      BiFunction<ResourceType, StoredObject, StoredObject> presenter) {
    this.store = store;
    this.faults = faults;
    this.bookmarkIntervalMillis = Math.max(1, bookmarkInterval.toMillis());
    this.clockMillis = clockMillis;
    this.presenter = presenter;
  }

  /**
   * Streams the watch described by {@code info}; returns when the stream ends. {@code conversion},
   * when not null, turns each object (and bookmark) into what the Accept header asked for.
   */
  public void serve(
      HttpExchange exchange,
      ResourceType type,
      RequestInfo info,
      Predicate<StoredObject> filter,
      @Nullable UnaryOperator<ObjectNode> conversion)
      throws IOException {
    String rv = info.param("resourceVersion", "");
    boolean bookmarks = RequestOptions.flag(info, "allowWatchBookmarks");
    boolean sendInitial = RequestOptions.flag(info, "sendInitialEvents");
    if (sendInitial
        && (!bookmarks || !"NotOlderThan".equals(info.param("resourceVersionMatch", "")))) {
      throw ApiError.invalid(
          type,
          "",
          java.util.List.of(
              Validation.invalid(
                  "sendInitialEvents",
                  "true",
                  "sendInitialEvents is forbidden for watch unless the WatchList feature gate is"
                      + " enabled, resourceVersionMatch is NotOlderThan and allowWatchBookmarks is"
                      + " true")));
    }
    long timeoutSeconds = RequestOptions.int64(info, "timeoutSeconds");
    ApiError rejection = faults.takeWatchRejection();
    if (rejection != null) {
      throw rejection;
    }
    if (faults.takeBareClose()) {
      // Fault: a proxy or server that ends watches right after their headers.
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().close();
      return;
    }
    boolean initialState = sendInitial || rv.isEmpty() || rv.equals("0");
    long from = initialState ? 0 : parseLong(rv, "resourceVersion");
    Watcher watcher =
        new Watcher(type.storageKey(), info.namespace(), filter, faults.watchEventLimit());
    byte[] prefix = StoredObject.typePrefix(type.apiVersion(), type.kind());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 65536)) {
      ObjectStore.WatchStart start;
      try {
        start = store.watch(watcher, from, initialState);
      } catch (ApiError e) {
        writeError(out, e.toStatus());
        return;
      }
      try {
        stream(
            out,
            watcher,
            type,
            prefix,
            bookmarks,
            sendInitial ? start : null,
            timeoutSeconds,
            conversion,
            faults.watchExpireAfter());
      } finally {
        store.unwatch(watcher);
      }
    }
  }

  private void stream(
      OutputStream out,
      Watcher watcher,
      ResourceType type,
      byte[] prefix,
      boolean bookmarks,
      ObjectStore.@Nullable WatchStart initial,
      long timeoutSeconds,
      @Nullable UnaryOperator<ObjectNode> conversion,
      int expireAfter)
      throws IOException {
    int written = 0;
    long now = clockMillis.getAsLong();
    long deadline =
        now
            + (timeoutSeconds > 0
                ? Math.min(timeoutSeconds * 1000, MAX_WATCH_MILLIS)
                // A negative timeout has passed already: the API server ends such a watch at once.
                : timeoutSeconds < 0 ? 0 : MAX_WATCH_MILLIS);
    long lastWrite = now;
    List<WatchEvent> batch = new ArrayList<>();
    int initialLeft = initial == null ? -1 : initial.initialEvents();
    if (initialLeft == 0) {
      writeBookmark(out, type, initial.resourceVersion(), true, conversion);
      initialLeft = -1;
      out.flush();
    }
    while (true) {
      now = clockMillis.getAsLong();
      if (now >= deadline) {
        return;
      }
      WatchEvent event;
      try {
        event = watcher.poll(Math.min(deadline - now, bookmarkIntervalMillis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (event == null) {
        if (bookmarks && clockMillis.getAsLong() - lastWrite >= bookmarkIntervalMillis) {
          long rv = store.bookmarkRevision(watcher);
          if (rv > 0) {
            writeBookmark(out, type, rv, false, conversion);
            lastWrite = clockMillis.getAsLong();
          }
        }
        out.flush();
        continue;
      }
      batch.clear();
      batch.add(event);
      watcher.drainTo(batch);
      for (WatchEvent e : batch) {
        if (Watcher.isClose(e)) {
          return;
        }
        out.write(eventPrefix(e.type()));
        StoredObject shown = presenter.apply(type, e.object());
        if (conversion == null) {
          shown.writeTo(out, prefix);
        } else {
          out.write(Json.bytes(conversion.apply(shown.tree(type.apiVersion(), type.kind()))));
        }
        out.write(EVENT_END);
        if (expireAfter >= 0 && ++written >= expireAfter) {
          // Fault: the watcher fell behind; the server ends the stream with 410 as an event.
          writeError(out, ApiError.expired("too old resource version").toStatus());
          return;
        }
        if (initialLeft > 0 && --initialLeft == 0) {
          writeBookmark(out, type, initial.resourceVersion(), true, conversion);
          initialLeft = -1;
        }
      }
      lastWrite = now;
      if (watcher.idle()) {
        out.flush();
      }
    }
  }

  private static byte[] eventPrefix(String type) {
    return switch (type) {
      case "ADDED" -> ADDED;
      case "MODIFIED" -> MODIFIED;
      default -> DELETED;
    };
  }

  private static void writeBookmark(
      OutputStream out,
      ResourceType type,
      long rv,
      boolean initialEventsEnd,
      @Nullable UnaryOperator<ObjectNode> conversion)
      throws IOException {
    ObjectNode event = Json.object();
    event.put("type", "BOOKMARK");
    ObjectNode object = event.putObject("object");
    object.put("kind", type.kind());
    object.put("apiVersion", type.apiVersion());
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("resourceVersion", Long.toString(rv));
    metadata.putNull("creationTimestamp");
    if (initialEventsEnd) {
      metadata.putObject("annotations").put("k8s.io/initial-events-end", "true");
    }
    if (conversion != null) {
      event.set("object", conversion.apply(object));
    }
    out.write(Json.bytes(event));
    out.write(NEWLINE);
  }

  private static void writeError(OutputStream out, ObjectNode status) throws IOException {
    ObjectNode event = Json.object();
    event.put("type", "ERROR");
    event.set("object", status);
    out.write(Json.bytes(event));
    out.write(NEWLINE);
  }

  private static long parseLong(String value, String param) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid " + param + ": " + value);
    }
  }
}
