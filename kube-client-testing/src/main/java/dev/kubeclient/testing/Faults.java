package dev.kubeclient.testing;

import dev.kubeclient.core.internal.Preconditions;
import dev.kubeclient.testing.internal.FaultState;
import dev.kubeclient.testing.internal.ObjectStore;
import java.time.Duration;

/**
 * Fault injection for reliability tests of clients, controlled from the test while the server runs:
 * dropped watches, error responses with and without Retry-After, slow responses, compacted history
 * and restarts. Obtain it from {@link EmbeddedApiServer#faults()}.
 *
 * <p>Safe for concurrent use. Switches take effect for requests that start after the call; {@link
 * #reset()} clears them all.
 *
 * <pre>{@code
 * server.faults().failNext(2, 429);          // two 429s with Retry-After: 1
 * server.faults().closeWatchesAfter(10);     // new watches end after 10 events
 * server.faults().compactHistory();          // watches from an older resourceVersion get 410
 * }</pre>
 */
public final class Faults {
  private final FaultState state;
  private final ObjectStore store;
  private final EmbeddedApiServer server;

  Faults(FaultState state, ObjectStore store, EmbeddedApiServer server) {
    this.state = state;
    this.store = store;
    this.server = server;
  }

  /** Ends every open watch now, as a server-side timeout or a load balancer would. */
  public void closeAllWatches() {
    store.closeAllWatches();
  }

  /** Makes every watch opened from now on end after {@code events} events. */
  public void closeWatchesAfter(int events) {
    Preconditions.checkArgument(events > 0, "events <= 0: %s", events);
    state.watchEventLimit(events);
  }

  /**
   * Answers the next {@code count} requests with {@code httpCode}: 429 (TooManyRequests, with
   * {@code Retry-After: 1}), 500 (InternalError) or 503 (ServiceUnavailable).
   */
  public void failNext(int count, int httpCode) {
    Preconditions.checkArgument(count >= 0, "count < 0: %s", count);
    Preconditions.checkArgument(
        httpCode == 429 || httpCode == 500 || httpCode == 503,
        "httpCode must be 429, 500 or 503: %s",
        httpCode);
    state.failNext(count, httpCode, 1);
  }

  /** Answers the next {@code count} requests with 429 and {@code Retry-After: retryAfter}. */
  public void throttleNext(int count, Duration retryAfter) {
    Preconditions.checkArgument(count >= 0, "count < 0: %s", count);
    Preconditions.checkArgument(
        retryAfter.getSeconds() >= 1, "retryAfter below one second: %s", retryAfter);
    state.failNext(count, 429, (int) Math.min(Integer.MAX_VALUE, retryAfter.getSeconds()));
  }

  /** Delays every response by {@code delay} ({@link Duration#ZERO} for none). */
  public void delayResponses(Duration delay) {
    Preconditions.checkArgument(!delay.isNegative(), "delay < 0: %s", delay);
    state.delay(delay.toMillis());
  }

  /**
   * Drops the change history, as an etcd compaction does: a watch or continue token from any
   * resourceVersion before now gets 410 Expired.
   */
  public void compactHistory() {
    store.compact();
  }

  /**
   * Restarts the server on the same port: every connection (and so every watch) is dropped; {@code
   * keepState} false also deletes every object and custom resource definition, leaving the initial
   * namespaces. resourceVersions keep increasing either way.
   */
  public void restart(boolean keepState) {
    server.restart(keepState);
  }

  /**
   * Makes every watch opened from now on end after {@code events} events with an ERROR event
   * carrying 410 Expired, as the API server does when a watcher falls too far behind.
   */
  public void expireWatchesAfter(int events) {
    Preconditions.checkArgument(events >= 0, "events < 0: %s", events);
    state.watchExpireAfter(events);
  }

  /**
   * Answers the next {@code count} list requests with 410 Expired (a compacted resourceVersion).
   */
  public void expireNextLists(int count) {
    Preconditions.checkArgument(count >= 0, "count < 0: %s", count);
    state.expireLists(count);
  }

  /**
   * Answers the next {@code count} lists that ask for a resourceVersion (other than "" and "0")
   * with 504 and cause {@code ResourceVersionTooLarge}, as a server behind the client's last
   * version does (after a restore from backup, or behind a lagging watch cache).
   */
  public void tooLargeResourceVersionNextLists(int count) {
    Preconditions.checkArgument(count >= 0, "count < 0: %s", count);
    state.tooLargeLists(count);
  }

  /**
   * Answers the next {@code count} watch requests with HTTP {@code httpCode} (410 Expired, 429, 500
   * or 503) instead of opening the stream.
   */
  public void rejectNextWatches(int count, int httpCode) {
    Preconditions.checkArgument(count >= 0, "count < 0: %s", count);
    Preconditions.checkArgument(
        httpCode == 410 || httpCode == 429 || httpCode == 500 || httpCode == 503,
        "httpCode must be 410, 429, 500 or 503: %s",
        httpCode);
    state.rejectWatches(count, httpCode);
  }

  /**
   * Ends the next {@code count} watches right after their response headers, with no event: a proxy
   * or server closing watches at once.
   */
  public void bareCloseNextWatches(int count) {
    Preconditions.checkArgument(count >= 0, "count < 0: %s", count);
    state.bareCloseWatches(count);
  }

  /** Clears the error, delay, list and watch switches. */
  public void reset() {
    state.reset();
  }
}
