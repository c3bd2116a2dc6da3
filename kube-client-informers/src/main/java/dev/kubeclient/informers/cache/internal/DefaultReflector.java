package dev.kubeclient.informers.cache.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.informers.cache.Reflector;
import dev.kubeclient.informers.cache.ReflectorStore;
import dev.kubeclient.rest.ListPager;
import dev.kubeclient.rest.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Reflector}: client-go's reflector loop on one thread (the caller of {@link #run()}).
 *
 * <p>Design notes. {@code run()} repeats list-and-watch, waiting a backoff step after each return,
 * as client-go's {@code wait.DelayFunc.Until} does. List-and-watch lists (or streams a watch-list)
 * into the store and then watches until an error; watches that end normally are reopened at once
 * from the last resourceVersion. Stopping sets a flag under {@code lock}, closes the open watch
 * (which unblocks the reading thread), wakes a backoff wait and interrupts the thread (so that an
 * in-flight request fails at its next read); every wait re-checks the flag. The open watch is
 * published under {@code lock} only while not stopping, so a watch opened concurrently with {@code
 * stop()} is closed by one side or the other.
 *
 * @param <T> the object type
 */
public final class DefaultReflector<T extends KubernetesObject> implements Reflector<T> {
  private static final Logger log = LoggerFactory.getLogger(DefaultReflector.class);

  /** client-go's {@code defaultMinWatchTimeout}; the maximum is twice the minimum. */
  public static final Duration MIN_WATCH_TIMEOUT = Duration.ofMinutes(5);

  /** client-go warns after 10 s without the end bookmark; here the reflector also gives up. */
  public static final Duration INITIAL_EVENTS_TIMEOUT = Duration.ofSeconds(10);

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final ReflectorConfig<T> config;
  private final ListerWatcher<T> listerWatcher;
  private final ReflectorStore<T> store;
  private final Clock clock;
  private final ReflectorBackoff backoff;
  private final FailureLog failures;
  private final String identity;
  private final long wallBaseMillis;
  private final long nanoBase;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Guarded by {@code lock}. */
  private State state = State.NEW;

  /** Guarded by {@code lock}. */
  private boolean stopping;

  /** Guarded by {@code lock}. */
  private @Nullable Watch<T> currentWatch;

  /** The thread in {@link #run()}, or null. Guarded by {@code lock}. */
  private @Nullable Thread runThread;

  private final Object rvLock = new Object();

  /** Guarded by {@code rvLock}. */
  private String lastSyncResourceVersion = "";

  /** Whether the last list or watch at it failed with Expired or too large. Guarded by rvLock. */
  private boolean lastSyncResourceVersionUnavailable;

  /** Whether a list at "0" came back paginated (watch cache off). Reflector thread only. */
  private boolean paginatedResult;

  /** Whether the server showed it cannot stream a watch-list. Reflector thread only. */
  private boolean watchListUnsupported;

  private volatile boolean watching;
  private volatile long lastEventNanos;
  private volatile boolean anyEvent;

  /** Creates a reflector; nothing runs until {@link #run()}. */
  public DefaultReflector(ReflectorConfig<T> config) {
    this.config = checkNotNull(config, "config");
    this.listerWatcher = config.listerWatcher();
    this.store = config.store();
    this.clock = config.clock();
    this.backoff = new ReflectorBackoff(clock, config.random());
    this.identity = "reflector " + config.name() + " (" + config.typeDescription() + ")";
    this.failures = new FailureLog(log, identity);
    this.wallBaseMillis = clock.now().toEpochMilli();
    this.nanoBase = clock.nanoTime();
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public String typeDescription() {
    return config.typeDescription();
  }

  String identity() {
    return identity;
  }

  Clock clock() {
    return clock;
  }

  @Override
  public void run() {
    run(false);
  }

  /**
   * Runs, or with {@code quietIfStopped} returns at once when stopped before it could start (an
   * informer stopped right after its start).
   */
  void run(boolean quietIfStopped) {
    lock.lock();
    try {
      if (quietIfStopped && state == State.STOPPED) {
        return;
      }
      if (state != State.NEW) {
        throw new IllegalStateException(identity + " already " + state.name().toLowerCase());
      }
      state = State.RUNNING;
      runThread = Thread.currentThread();
    } finally {
      lock.unlock();
    }
    log.debug("{}: starting, resync period {}", identity, config.resyncPeriod());
    try {
      while (!isStopping()) {
        try {
          listAndWatch();
        } catch (RuntimeException e) {
          if (isStopping()) {
            break;
          }
          watchError(e);
        }
        if (isStopping()) {
          break;
        }
        sleep(backoff.next());
      }
    } finally {
      log.debug("{}: stopping", identity);
      watching = false;
      lock.lock();
      try {
        if (stopping) {
          // stop() may have interrupted this thread; the caller of run() should not inherit that.
          Thread.interrupted();
        }
        runThread = null;
        state = State.STOPPED;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public void stop() {
    Watch<T> w;
    Thread t;
    lock.lock();
    try {
      if (state == State.NEW) {
        state = State.STOPPED;
        stopping = true;
        return;
      }
      stopping = true;
      w = currentWatch;
      t = runThread;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (w != null) {
      w.close();
    }
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    t.interrupt();
    lock.lock();
    try {
      while (runThread != null) {
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  boolean isStopping() {
    lock.lock();
    try {
      return stopping;
    } finally {
      lock.unlock();
    }
  }

  /** Waits {@code d} of the clock's time, or until stopped. An interrupt counts as a stop. */
  private void sleep(Duration d) {
    long left = d.toNanos();
    lock.lock();
    try {
      while (!stopping && left > 0) {
        left = clock.awaitNanos(changed, left);
      }
    } catch (InterruptedException e) {
      stopping = true;
    } finally {
      lock.unlock();
    }
  }

  /** Publishes the open watch; false (and the watch closed) when stopping already. */
  boolean publish(Watch<T> w) {
    lock.lock();
    try {
      if (!stopping) {
        currentWatch = w;
        return true;
      }
    } finally {
      lock.unlock();
    }
    w.close();
    return false;
  }

  void unpublish() {
    lock.lock();
    try {
      currentWatch = null;
    } finally {
      lock.unlock();
    }
  }

  private void watchError(Throwable e) {
    if (config.watchErrorHandler() == null) {
      if (ReflectorErrors.isExpired(e)) {
        log.debug("{}: watch closed: {}", identity, e.toString());
      } else {
        failures.failed("list and watch failed", e);
      }
      return;
    }
    try {
      config.watchErrorHandler().handle(this, e);
    } catch (RuntimeException handlerFailure) {
      log.error("{}: watch error handler failed", identity, handlerFailure);
    }
  }

  /** Lists (or streams a watch-list) into the store, then watches until an error. */
  void listAndWatch() {
    log.trace("{}: listing and watching", identity);
    Watch<T> w = null;
    boolean fallbackToList = !config.useWatchList() || watchListUnsupported;
    if (!fallbackToList) {
      try {
        w = new WatchListStreamer<>(this).stream();
        if (w == null) {
          return;
        }
      } catch (RuntimeException e) {
        if (isStopping()) {
          return;
        }
        log.debug(
            "{}: data couldn't be fetched in watch-list mode, listing: {}", identity, e.toString());
        fallbackToList = true;
      }
    }
    if (fallbackToList) {
      list();
    }
    if (isStopping()) {
      if (w != null) {
        w.close();
      }
      return;
    }
    log.debug("{}: caches populated", identity);
    watchWithResync(w);
  }

  private void watchWithResync(@Nullable Watch<T> w) {
    Scheduler.Timer resync = null;
    if (!config.resyncPeriod().isZero()) {
      resync =
          config.scheduler().scheduleWithFixedDelay(this::resyncIfNeeded, config.resyncPeriod());
    }
    try {
      watch(w);
    } finally {
      if (resync != null) {
        resync.cancel();
      }
    }
  }

  private void resyncIfNeeded() {
    if (isStopping()) {
      return;
    }
    try {
      if (config.shouldResync() == null || config.shouldResync().getAsBoolean()) {
        log.trace("{}: forcing resync", identity);
        store.resync();
      }
    } catch (RuntimeException e) {
      log.error("{}: resync failed", identity, e);
    }
  }

  /** Watches, reopening after normal ends, until an error (then returns) or a stop. */
  private void watch(@Nullable Watch<T> initial) {
    Watch<T> w = initial;
    RetryWithDeadline retry =
        new RetryWithDeadline(
            config.maxInternalErrorRetryDuration(),
            Duration.ofMinutes(1),
            Errors::isInternalError,
            clock);
    while (true) {
      if (isStopping()) {
        if (w != null) {
          w.close();
        }
        return;
      }
      long start = clock.nanoTime();
      boolean propagateFromStart = true;
      if (w == null) {
        String rv = lastSyncResourceVersion();
        ListOptions options = ListOptions.none();
        if (!rv.isEmpty()) {
          options = options.resourceVersion(rv);
        }
        options = options.timeoutSeconds(watchTimeoutSeconds()).allowWatchBookmarks(true);
        // A watch from "" or "0" starts with synthetic ADDED events in no resourceVersion order.
        propagateFromStart = !rv.isEmpty() && !rv.equals("0");
        try {
          w = listerWatcher.watch(options);
        } catch (RuntimeException e) {
          if (isStopping()) {
            return;
          }
          if (ReflectorErrors.isWatchErrorRetriable(e)) {
            log.debug("{}: watch failed, backing off: {}", identity, e.toString());
            sleep(backoff.next());
            continue;
          }
          throw e;
        }
        if (!publish(w)) {
          return;
        }
      }
      boolean propagate = propagateFromStart;
      watching = true;
      WatchHandler.Outcome outcome;
      try {
        outcome =
            WatchHandler.handle(
                this,
                w,
                store,
                start,
                (rv, pastAdded) -> {
                  if (propagate || pastAdded) {
                    setLastSyncResourceVersion(rv);
                  }
                },
                false);
      } finally {
        watching = false;
        unpublish();
      }
      w = null;
      Throwable error = outcome.error;
      retry.after(error);
      if (outcome.events > 0) {
        failures.recovered();
      }
      if (error == null) {
        continue;
      }
      if (isStopping()) {
        return;
      }
      if (ReflectorErrors.isExpired(error)) {
        log.debug("{}: watch closed: {}", identity, error.toString());
      } else if (Errors.isTooManyRequests(error)) {
        log.debug("{}: watch returned 429, backing off", identity);
        sleep(backoff.next());
        continue;
      } else if (Errors.isInternalError(error) && retry.shouldRetry()) {
        log.debug("{}: retrying watch after internal error: {}", identity, error.toString());
        continue;
      } else {
        failures.failed("watch ended with error", error);
      }
      return;
    }
  }

  long watchTimeoutSeconds() {
    long min = config.minWatchTimeout().getSeconds();
    return min + (long) (config.random().nextDouble() * min);
  }

  /** Lists everything into the store at the relist resourceVersion; see {@link Reflector}. */
  private void list() {
    String rv = relistResourceVersion();
    long pageSize;
    if (config.watchListPageSize() != 0) {
      pageSize = config.watchListPageSize();
    } else if (paginatedResult) {
      pageSize = ListPager.DEFAULT_PAGE_SIZE;
    } else if (!rv.isEmpty() && !rv.equals("0")) {
      // A relist at a known version is served from the watch cache only without a limit.
      pageSize = 0;
    } else {
      pageSize = ListPager.DEFAULT_PAGE_SIZE;
    }
    PagedList.Result<T> result;
    try {
      result = PagedList.list(listerWatcher, rv, pageSize);
    } catch (RuntimeException e) {
      if (isStopping()
          || !(ReflectorErrors.isExpired(e) || ReflectorErrors.isTooLargeResourceVersion(e))) {
        throw listFailed(e);
      }
      // The version is gone or not there yet: list the latest, consistently, to move on.
      setLastSyncResourceVersionUnavailable(true);
      try {
        result = PagedList.list(listerWatcher, relistResourceVersion(), pageSize);
      } catch (RuntimeException again) {
        throw listFailed(again);
      }
    }
    if (rv.equals("0") && result.paginated) {
      paginatedResult = true;
    }
    setLastSyncResourceVersionUnavailable(false);
    failures.recovered();
    store.replace(result.items, result.resourceVersion);
    setLastSyncResourceVersion(result.resourceVersion);
  }

  private KubeClientException listFailed(RuntimeException e) {
    return new KubeClientException("failed to list " + config.typeDescription() + ": " + e, e);
  }

  ReflectorConfig<T> config() {
    return config;
  }

  ListerWatcher<T> listerWatcher() {
    return listerWatcher;
  }

  ReflectorStore<T> store() {
    return store;
  }

  FailureLog failures() {
    return failures;
  }

  void backoffSleep() {
    sleep(backoff.next());
  }

  void markWatchListUnsupported() {
    watchListUnsupported = true;
  }

  boolean anyEvent() {
    return anyEvent;
  }

  long lastEventNanos() {
    return lastEventNanos;
  }

  @Nullable Watch<T> currentWatch() {
    lock.lock();
    try {
      return currentWatch;
    } finally {
      lock.unlock();
    }
  }

  void eventReceived() {
    lastEventNanos = clock.nanoTime();
    anyEvent = true;
  }

  @Override
  public boolean isWatching() {
    return watching;
  }

  @Override
  public Optional<Instant> lastEventTime() {
    if (!anyEvent) {
      return Optional.empty();
    }
    return Optional.of(
        Instant.ofEpochMilli(wallBaseMillis + (lastEventNanos - nanoBase) / 1_000_000));
  }

  @Override
  public String lastSyncResourceVersion() {
    synchronized (rvLock) {
      return lastSyncResourceVersion;
    }
  }

  void setLastSyncResourceVersion(String rv) {
    synchronized (rvLock) {
      lastSyncResourceVersion = rv;
    }
  }

  void setLastSyncResourceVersionUnavailable(boolean unavailable) {
    synchronized (rvLock) {
      lastSyncResourceVersionUnavailable = unavailable;
    }
  }

  /**
   * The version to list at: the last one seen, so the cache never goes back in time; "0" at first
   * (the watch cache may serve it); "" (a consistent read) after it proved unavailable.
   */
  String relistResourceVersion() {
    synchronized (rvLock) {
      if (lastSyncResourceVersionUnavailable) {
        return "";
      }
      return lastSyncResourceVersion.isEmpty() ? "0" : lastSyncResourceVersion;
    }
  }

  /** The version a watch-list streams from: the last one seen, or "" when unavailable. */
  String rewatchResourceVersion() {
    synchronized (rvLock) {
      return lastSyncResourceVersionUnavailable ? "" : lastSyncResourceVersion;
    }
  }

  @Override
  public String toString() {
    return identity;
  }
}
