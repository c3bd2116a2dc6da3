package dev.kubeclient.informers.watch;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.watch.internal.ClockWait;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Watch} that survives the end of the watches it is made of (client-go's {@code
 * RetryWatcher}): when the server times a watch out, the connection drops or the server answers
 * with a transient error, it opens a new watch from the last resourceVersion it saw, in an event or
 * in a BOOKMARK, so the caller sees every change once and in order without noticing the restart.
 *
 * <pre>{@code
 * String rv = pods.list().getMetadata().getResourceVersion();
 * try (RetryWatcher<Pod> w = RetryWatcher.newRetryWatcher(rv, pods::watch)) {
 *   while (w.hasNext()) {
 *     WatchEvent<Pod> e = w.next();
 *   }
 * }
 * }</pre>
 *
 * <p>What ends it, thrown from {@link #hasNext()} (after which it stays ended):
 *
 * <ul>
 *   <li>410 Gone or Expired, as an ERROR event or as the answer to a new watch: the history the
 *       caller needs is gone, and only a new list can recover (use an informer, or {@link
 *       WatchTools#untilWithSync}). client-go keeps retrying a watch the server refuses with 410
 *       when it connects; here that is terminal too, since no retry can succeed.
 *   <li>401 or 403 when a watch is opened: the credentials or the permissions are wrong.
 *   <li>An event whose object has no resourceVersion: resuming after it could skip changes.
 * </ul>
 *
 * Every other failure (transport errors, 5xx, undecodable events, a clean end) restarts the watch,
 * at most once per second (client-go's minimum restart delay) and after the server's Retry-After.
 * BOOKMARK events are consumed here, not handed out.
 *
 * <p>Nothing runs in the background: restarts happen inside {@code hasNext()} on the iterating
 * thread, which is the only thread that may iterate. {@link #close()} may be called from any
 * thread; it ends a blocked {@code hasNext()}, which then returns false.
 *
 * @param <T> the object type; its objects must carry {@code metadata.resourceVersion}
 */
public final class RetryWatcher<T> implements Watch<T> {
  private static final Logger log = LoggerFactory.getLogger(RetryWatcher.class);

  /** client-go's minimum time between two watch starts, so that failures cannot spin. */
  static final Duration MIN_RESTART_DELAY = Duration.ofSeconds(1);

  private final Function<ListOptions, Watch<T>> watcher;
  private final Clock clock;
  private final long minRestartNanos;
  private final ReentrantLock lock = new ReentrantLock();

  /** Signalled by {@link #close()} to end a wait before a restart. */
  private final Condition closing = lock.newCondition();

  private volatile boolean closed;

  /** The watch being read; set and cleared by the iterating thread, closed by any. */
  private volatile @Nullable Watch<T> current;

  /** Written by the iterating thread only; volatile so that others may read it. */
  private volatile String lastResourceVersion;

  // The fields below are confined to the iterating thread.
  private @Nullable WatchEvent<T> pending;
  private boolean done;
  private boolean started;
  private long lastStartNanos;

  /** Earliest clock time of the next start, from a Retry-After. */
  private long notBeforeNanos;

  RetryWatcher(
      String initialResourceVersion,
      Function<ListOptions, Watch<T>> watcher,
      Clock clock,
      Duration minRestartDelay) {
    checkNotNull(initialResourceVersion, "initialResourceVersion");
    checkArgument(
        !initialResourceVersion.isEmpty() && !initialResourceVersion.equals("0"),
        "initial resourceVersion '%s' is not supported: a watch from \"\" or \"0\" starts with"
            + " synthetic events for the current state; list first and watch from the list's"
            + " resourceVersion",
        initialResourceVersion);
    this.lastResourceVersion = initialResourceVersion;
    this.watcher = checkNotNull(watcher, "watcher");
    this.clock = checkNotNull(clock, "clock");
    this.minRestartNanos = minRestartDelay.toNanos();
  }

  /**
   * A retry watcher that starts watching after {@code initialResourceVersion} on the first {@link
   * #hasNext()}. {@code watcher} opens one watch with the options it is given (resourceVersion and
   * bookmarks set); it may add selectors: {@code opts ->
   * pods.watch(opts.labelSelector("app=web"))}.
   *
   * @throws IllegalArgumentException when {@code initialResourceVersion} is empty or "0"
   */
  public static <T> RetryWatcher<T> newRetryWatcher(
      String initialResourceVersion, Function<ListOptions, Watch<T>> watcher) {
    return newRetryWatcher(initialResourceVersion, watcher, Clock.system());
  }

  /** As {@link #newRetryWatcher(String, Function)}, waiting between restarts on {@code clock}. */
  public static <T> RetryWatcher<T> newRetryWatcher(
      String initialResourceVersion, Function<ListOptions, Watch<T>> watcher, Clock clock) {
    return new RetryWatcher<>(initialResourceVersion, watcher, clock, MIN_RESTART_DELAY);
  }

  /** The resourceVersion the next restart would watch from: that of the last event or bookmark. */
  public String lastResourceVersion() {
    return lastResourceVersion;
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    while (true) {
      if (done || closed) {
        done = true;
        dropCurrent();
        return false;
      }
      Watch<T> w = current;
      if (w == null) {
        w = start();
        if (w == null) {
          continue;
        }
      }
      WatchEvent<T> event;
      try {
        if (!w.hasNext()) {
          log.debug("watch ended; resuming from resourceVersion {}", lastResourceVersion);
          dropCurrent();
          continue;
        }
        event = w.next();
      } catch (ApiException e) {
        dropCurrent();
        onStreamError(e);
        continue;
      } catch (KubeClientException e) {
        dropCurrent();
        if (!closed) {
          log.debug("watch failed; resuming from resourceVersion {}", lastResourceVersion, e);
        }
        continue;
      }
      String rv = event.resourceVersion();
      if (rv == null || rv.isEmpty()) {
        throw terminal(
            new KubeClientException(
                "RetryWatcher: a "
                    + event.type()
                    + " event after resourceVersion "
                    + lastResourceVersion
                    + " carries no resourceVersion, so a restart could skip changes"));
      }
      lastResourceVersion = rv;
      if (event.type() != WatchEvent.Type.BOOKMARK) {
        pending = event;
        return true;
      }
    }
  }

  @Override
  public WatchEvent<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException(
          "retry watcher ended at resourceVersion " + lastResourceVersion);
    }
    WatchEvent<T> e = pending;
    pending = null;
    return e;
  }

  /** Ends the watch; a blocked {@link #hasNext()} returns false. Idempotent; any thread. */
  @Override
  public void close() {
    closed = true;
    // Signal before closing the current watch, whose close may fail: a reader waiting to restart
    // must not miss the end.
    lock.lock();
    try {
      closing.signalAll();
    } finally {
      lock.unlock();
    }
    Watch<T> w = current;
    if (w != null) {
      w.close();
    }
  }

  /** Waits out the restart delay and opens a watch; null when it failed and should be retried. */
  private @Nullable Watch<T> start() {
    if (started && !awaitRestartTime()) {
      return null;
    }
    started = true;
    lastStartNanos = clock.nanoTime();
    Watch<T> w;
    try {
      w =
          watcher.apply(
              ListOptions.none().resourceVersion(lastResourceVersion).allowWatchBookmarks(true));
    } catch (ApiException e) {
      if (Errors.isGone(e) || Errors.isForbidden(e) || Errors.isUnauthorized(e)) {
        throw terminal(e);
      }
      log.warn(
          "watch from resourceVersion {} failed; retrying: {}", lastResourceVersion, e.toString());
      return null;
    } catch (KubeClientException e) {
      log.debug("watch from resourceVersion {} failed; retrying", lastResourceVersion, e);
      return null;
    }
    checkNotNull(w, "the watch function's result");
    current = w;
    if (closed) {
      dropCurrent();
      return null;
    }
    return w;
  }

  /** Waits until the next start is due; false when closed meanwhile. */
  private boolean awaitRestartTime() {
    long due = Math.max(lastStartNanos + minRestartNanos, notBeforeNanos);
    lock.lock();
    try {
      ClockWait.untilDeadline(clock, closing, due, () -> closed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw terminal(new KubeClientException("interrupted while waiting to restart a watch", e));
    } finally {
      lock.unlock();
    }
    return !closed;
  }

  private void onStreamError(ApiException e) {
    if (closed) {
      return;
    }
    if (e.code() == 410) {
      throw terminal(e);
    }
    notBeforeNanos = clock.nanoTime() + Duration.ofSeconds(e.retryAfterSeconds()).toNanos();
    if (e.code() == 500 || e.code() == 504) {
      log.debug("watch error {}; resuming from resourceVersion {}", e.code(), lastResourceVersion);
    } else {
      log.warn(
          "unexpected watch error; resuming from resourceVersion {}: {}",
          lastResourceVersion,
          e.toString());
    }
  }

  private RuntimeException terminal(RuntimeException e) {
    done = true;
    dropCurrent();
    return e;
  }

  private void dropCurrent() {
    Watch<T> w = current;
    current = null;
    if (w != null) {
      w.close();
    }
  }

  @Override
  public String toString() {
    return "RetryWatcher{resourceVersion=" + lastResourceVersion + (done ? ", done" : "") + "}";
  }
}
