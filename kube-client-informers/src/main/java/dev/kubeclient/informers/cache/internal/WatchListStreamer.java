package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.cache.KeyFunctions;
import dev.kubeclient.informers.cache.Store;
import dev.kubeclient.rest.Watch;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reflector's watch-list (client-go's {@code Reflector.watchList}): streams the initial state
 * with a watch asking for {@code sendInitialEvents=true} into a temporary store until the bookmark
 * annotated {@code k8s.io/initial-events-end}, then replaces the reflector's store with it and
 * hands the still-open watch back. Expired or too-large versions retry from "" (a consistent
 * snapshot); 429 and refused connections back off and retry; other failures, a rejection, a stream
 * that goes quiet for the initial-events timeout, or repeated ends without the bookmark make the
 * reflector list instead. A quiet stream is closed by a timer, so a server that ignores {@code
 * sendInitialEvents} cannot hang the reflector.
 *
 * <p>Confined to the reflector thread (the timer only closes the watch).
 *
 * @param <T> the object type
 */
final class WatchListStreamer<T extends KubernetesObject> {
  private static final Logger log = LoggerFactory.getLogger(WatchListStreamer.class);

  /** Watch-list attempts ending without the end bookmark before falling back to a list. */
  private static final int WATCH_LIST_ATTEMPTS = 3;

  private final DefaultReflector<T> r;

  WatchListStreamer(DefaultReflector<T> reflector) {
    this.r = reflector;
  }

  /**
   * Streams the initial state with a watch-list; returns the watch, still open, positioned after
   * the end bookmark, or null when stopped.
   */
  @Nullable Watch<T> stream() {
    Store<T> temporary = Store.newStore(KeyFunctions.metaNamespaceKeyFunc());
    String[] resourceVersion = {""};
    int attemptsWithoutBookmark = 0;
    while (true) {
      if (r.isStopping()) {
        return null;
      }
      temporary = Store.newStore(KeyFunctions.metaNamespaceKeyFunc());
      resourceVersion[0] = "";
      String lastKnown = r.rewatchResourceVersion();
      ListOptions options = ListOptions.none();
      if (!lastKnown.isEmpty()) {
        options = options.resourceVersion(lastKnown);
      }
      options =
          options
              .allowWatchBookmarks(true)
              .sendInitialEvents(true)
              .resourceVersionMatch("NotOlderThan")
              .timeoutSeconds(r.watchTimeoutSeconds());
      long start = r.clock().nanoTime();
      Watch<T> w;
      try {
        w = r.listerWatcher().watch(options);
      } catch (RuntimeException e) {
        if (retryWatchList(e)) {
          continue;
        }
        throw e;
      }
      if (!r.publish(w)) {
        return null;
      }
      IdleGuard guard = new IdleGuard(w, start);
      Scheduler.Timer timer =
          r.config().scheduler().scheduleWithFixedDelay(guard, guard.checkPeriod());
      WatchHandler.Outcome outcome;
      try {
        outcome =
            WatchHandler.handle(
                r,
                w,
                temporary,
                start,
                (rv, pastAdded) -> {
                  if (pastAdded) {
                    resourceVersion[0] = rv;
                  }
                },
                true);
      } finally {
        timer.cancel();
      }
      if (outcome.initialEventsEnd && outcome.error == null) {
        break;
      }
      w.close();
      r.unpublish();
      if (r.isStopping()) {
        return null;
      }
      if (guard.timedOut) {
        r.markWatchListUnsupported();
        throw new KubeClientException(
            "watch-list of "
                + r.config().typeDescription()
                + " sent no event for "
                + r.config().initialEventsTimeout()
                + " before its initial-events-end bookmark");
      }
      if (outcome.error != null) {
        if (retryWatchList(outcome.error)) {
          continue;
        }
        if (outcome.error instanceof RuntimeException re) {
          throw re;
        }
        throw new KubeClientException("watch-list failed: " + outcome.error, outcome.error);
      }
      if (++attemptsWithoutBookmark >= WATCH_LIST_ATTEMPTS) {
        r.markWatchListUnsupported();
        throw new KubeClientException(
            "watch-list of " + r.config().typeDescription() + " ended without its end bookmark");
      }
    }
    r.setLastSyncResourceVersionUnavailable(false);
    r.store().replace(temporary.list(), resourceVersion[0]);
    r.setLastSyncResourceVersion(resourceVersion[0]);
    r.failures().recovered();
    return r.currentWatch();
  }

  /** Side effects of a failed watch-list attempt; true when it is worth another. */
  private boolean retryWatchList(Throwable e) {
    if (r.isStopping()) {
      return false;
    }
    if (ReflectorErrors.isWatchErrorRetriable(e)) {
      log.debug("{}: watch-list failed, backing off: {}", r.identity(), e.toString());
      r.backoffSleep();
      return true;
    }
    if (ReflectorErrors.isExpired(e) || ReflectorErrors.isTooLargeResourceVersion(e)) {
      // The version is gone or not there yet: stream the latest, consistently.
      r.setLastSyncResourceVersionUnavailable(true);
      return true;
    }
    if (ReflectorErrors.isWatchListRejected(e)) {
      r.markWatchListUnsupported();
    }
    return false;
  }

  /** Closes a watch-list that goes quiet before its end bookmark, so it cannot hang. */
  private final class IdleGuard implements Runnable {
    private final Watch<T> watch;
    private final long start;
    volatile boolean timedOut;

    IdleGuard(Watch<T> watch, long start) {
      this.watch = watch;
      this.start = start;
    }

    Duration checkPeriod() {
      Duration t = r.config().initialEventsTimeout();
      return t.compareTo(Duration.ofSeconds(1)) < 0 ? t : Duration.ofSeconds(1);
    }

    @Override
    public void run() {
      long last = r.anyEvent() ? Math.max(start, r.lastEventNanos()) : start;
      if (r.clock().nanoTime() - last >= r.config().initialEventsTimeout().toNanos()) {
        log.warn(
            "{}: no initial-events-end bookmark after {} without events; listing instead",
            r.identity(),
            r.config().initialEventsTimeout());
        timedOut = true;
        watch.close();
      }
    }
  }
}
