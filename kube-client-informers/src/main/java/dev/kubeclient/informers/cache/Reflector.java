package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.informers.cache.internal.DefaultReflector;
import dev.kubeclient.informers.cache.internal.InformerRuntime;
import dev.kubeclient.informers.cache.internal.ReflectorConfig;
import dev.kubeclient.informers.cache.internal.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a {@link ReflectorStore} in step with one collection on the server: client-go's {@code
 * Reflector}. It lists, replaces the store's content with the list, then watches from the list's
 * resourceVersion and applies each event, until stopped.
 *
 * <p>The rules, as in client-go:
 *
 * <ul>
 *   <li>The first list asks for resourceVersion "0" (served from the API server's watch cache),
 *       paginated only when the server paginates such a list; a relist asks at the last
 *       resourceVersion seen, so that the cache never goes back in time, and falls back to "" (a
 *       consistent read) only when that list fails with 410 Expired or "too large resource
 *       version".
 *   <li>Watches ask for bookmarks and time out at random between 5 and 10 minutes, so that many
 *       clients do not reconnect in step; the last resourceVersion of every event and bookmark is
 *       tracked. A watch that ends normally is reopened at once from there.
 *   <li>A watch ending in 410 Gone, a watch the server closes at once without events (less than a
 *       second), or any other watch error leads to a relist after a backoff: 0.8 s doubling to 30
 *       s, each with up to 100% jitter, reset after two minutes. 429 on a watch backs off and
 *       watches again without relisting; so does a refused connection.
 *   <li>With {@link Builder#useWatchList}, the initial state is streamed by a watch with {@code
 *       sendInitialEvents=true} up to the bookmark annotated {@code k8s.io/initial-events-end};
 *       when the server rejects it, or sends no event for {@link Builder#initialEventsTimeout}, the
 *       reflector lists instead.
 * </ul>
 *
 * <p>Each distinct failure is logged once at WARN with its cause; repeats go to DEBUG until the
 * reflector recovers.
 *
 * <p>Lifecycle: {@link #run()} blocks its calling thread until {@link #stop()}; a reflector runs
 * once. {@code stop()} is idempotent, safe from any thread, closes the open watch and waits for
 * {@code run()} to return (an in-flight list request is waited for, bounded by the client's read
 * timeout).
 *
 * @param <T> the object type
 */
public interface Reflector<T extends KubernetesObject> {
  /** The name, in log lines and thread names. */
  String name();

  /** What is listed, such as {@code v1/Pod}. */
  String typeDescription();

  /**
   * Lists and watches until {@link #stop()}.
   *
   * @throws IllegalStateException when run before or after being stopped
   */
  void run();

  /** Stops the reflector and waits for {@link #run()} to return. Idempotent. */
  void stop();

  /** The resourceVersion of the last list, event or bookmark applied; "" before the first. */
  String lastSyncResourceVersion();

  /** Whether a watch is open now (liveness). */
  boolean isWatching();

  /** When the last watch event or bookmark arrived, if any did. */
  Optional<Instant> lastEventTime();

  /** A builder of a reflector from {@code listerWatcher} into {@code store}. */
  static <T extends KubernetesObject> Builder<T> newBuilder(
      ListerWatcher<T> listerWatcher, ReflectorStore<T> store) {
    return new Builder<>(listerWatcher, store);
  }

  /**
   * Options of a reflector (client-go's {@code ReflectorOptions}). Setters check their argument.
   * Not thread-safe.
   *
   * @param <T> the object type
   */
  final class Builder<T extends KubernetesObject> {
    private final ListerWatcher<T> listerWatcher;
    private final ReflectorStore<T> store;
    private String name = "reflector";
    private String typeDescription = "<unspecified>";
    private Duration resyncPeriod = Duration.ZERO;
    private @Nullable BooleanSupplier shouldResync;
    private Duration minWatchTimeout = DefaultReflector.MIN_WATCH_TIMEOUT;
    private long watchListPageSize;
    private boolean useWatchList;
    private Duration initialEventsTimeout = DefaultReflector.INITIAL_EVENTS_TIMEOUT;
    private Duration maxInternalErrorRetryDuration = Duration.ZERO;
    private @Nullable WatchErrorHandler watchErrorHandler;
    private Clock clock = Clock.system();
    private @Nullable RandomGenerator random;

    private Builder(ListerWatcher<T> listerWatcher, ReflectorStore<T> store) {
      this.listerWatcher = checkNotNull(listerWatcher, "listerWatcher");
      this.store = checkNotNull(store, "store");
    }

    /** The name in log lines (default {@code reflector}). */
    public Builder<T> name(String name) {
      this.name = checkNotNull(name, "name");
      return this;
    }

    /** What is listed, for log lines, such as {@code v1/Pod}. */
    public Builder<T> typeDescription(String typeDescription) {
      this.typeDescription = checkNotNull(typeDescription, "typeDescription");
      return this;
    }

    /** How often to resync the store while watching (zero, the default: never). */
    public Builder<T> resyncPeriod(Duration period) {
      checkArgument(!period.isNegative(), "resyncPeriod must not be negative: %s", period);
      this.resyncPeriod = period;
      return this;
    }

    /** Asked at each resync period whether to resync now (default: always). */
    public Builder<T> shouldResync(BooleanSupplier shouldResync) {
      this.shouldResync = checkNotNull(shouldResync, "shouldResync");
      return this;
    }

    /** The least watch timeout; values under 5 minutes are raised to 5, as in client-go. */
    public Builder<T> minWatchTimeout(Duration timeout) {
      checkNotNull(timeout, "timeout");
      this.minWatchTimeout =
          timeout.compareTo(DefaultReflector.MIN_WATCH_TIMEOUT) > 0
              ? timeout
              : DefaultReflector.MIN_WATCH_TIMEOUT;
      return this;
    }

    /** The page size of lists; 0 (default) lets the reflector choose, as client-go's does. */
    public Builder<T> watchListPageSize(long pageSize) {
      checkArgument(pageSize >= 0, "watchListPageSize must not be negative: %s", pageSize);
      this.watchListPageSize = pageSize;
      return this;
    }

    /** Streams the initial state with a watch-list instead of a list (default false). */
    public Builder<T> useWatchList(boolean use) {
      this.useWatchList = use;
      return this;
    }

    /**
     * How long a watch-list may go without any event before the reflector stops waiting for its end
     * bookmark and lists instead (default 10 s).
     */
    public Builder<T> initialEventsTimeout(Duration timeout) {
      checkArgument(
          !timeout.isNegative() && !timeout.isZero(),
          "initialEventsTimeout must be positive: %s",
          timeout);
      this.initialEventsTimeout = timeout;
      return this;
    }

    /** How long to retry internal errors of a watch without relisting (default zero: never). */
    public Builder<T> maxInternalErrorRetryDuration(Duration duration) {
      checkArgument(!duration.isNegative(), "maxInternalErrorRetryDuration < 0: %s", duration);
      this.maxInternalErrorRetryDuration = duration;
      return this;
    }

    /** Replaces the default handler of failed list-and-watch runs. */
    public Builder<T> watchErrorHandler(WatchErrorHandler handler) {
      this.watchErrorHandler = checkNotNull(handler, "handler");
      return this;
    }

    /** The clock of backoff and timeouts (default the system clock). */
    public Builder<T> clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** The randomness of jitter and watch timeouts (default a fresh generator). */
    public Builder<T> random(RandomGenerator random) {
      this.random = checkNotNull(random, "random");
      return this;
    }

    /**
     * Builds the reflector. With the system clock its timers run on the process-wide informer timer
     * thread; with another clock, on a timer thread of its own.
     */
    public Reflector<T> build() {
      return new DefaultReflector<>(
          new ReflectorConfig<>(
              name,
              typeDescription,
              listerWatcher,
              store,
              resyncPeriod,
              shouldResync,
              minWatchTimeout,
              watchListPageSize,
              useWatchList,
              initialEventsTimeout,
              maxInternalErrorRetryDuration,
              watchErrorHandler,
              clock,
              random != null ? random : new SplittableRandom(),
              clock == Clock.system()
                  ? InformerRuntime.shared().scheduler()
                  : new Scheduler(clock, r -> daemon(r, name + "-timer"), Duration.ofSeconds(1))));
    }

    private static Thread daemon(Runnable r, String name) {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    }
  }
}
