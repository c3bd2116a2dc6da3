package dev.kubeclient.informers.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A cache of one collection kept in step with the server, shared by any number of event handlers:
 * client-go's {@code SharedInformer}. The cache is eventually consistent: the states of an object
 * it shows are a subsequence of the server's, in order; it is exact once no change happens for a
 * while. See {@link SharedIndexInformer} for threads, lifecycle and liveness.
 *
 * @param <T> the object type
 */
public interface SharedInformer<T> extends InformerSynced {
  /**
   * Adds a handler with the informer's default resync period. A handler added while the informer
   * runs first gets an add (with {@code isInInitialList} true) for every object in the cache.
   *
   * @throws IllegalStateException when the informer has stopped
   */
  ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<T> handler);

  /**
   * Adds a handler that wants a resync (an update for every cached object) every {@code
   * resyncPeriod}; zero for none. Periods under one second are raised to one second; a period
   * shorter than the informer's resync check period is raised to it once the informer runs, or
   * lowers the check period before.
   *
   * @throws IllegalStateException when the informer has stopped
   */
  ResourceEventHandlerRegistration addEventHandlerWithResyncPeriod(
      ResourceEventHandler<T> handler, Duration resyncPeriod);

  /**
   * Removes a handler: it gets nothing more, and notifications not yet delivered to it are dropped.
   * Idempotent; a registration of another informer is ignored.
   */
  void removeEventHandler(ResourceEventHandlerRegistration registration);

  /** The cache. Read it; never write to it or mutate what it returns. */
  Store<T> getStore();

  /** Whether the cache holds a full list (unrelated to resync). */
  @Override
  boolean hasSynced();

  /** The resourceVersion last applied to the cache; "" before the first list. */
  String lastSyncResourceVersion();

  /**
   * Sets the handler of failed list-and-watch runs.
   *
   * @throws IllegalStateException once started
   */
  void setWatchErrorHandler(WatchErrorHandler handler);

  /**
   * Sets a transform applied to every object before it is cached, for example to drop
   * managedFields.
   *
   * @throws IllegalStateException once started
   */
  void setTransform(TransformFunc<T> transform);

  /**
   * Starts the informer: its reflector thread lists and watches, and pool threads process and
   * deliver. Returns at once.
   *
   * @throws IllegalStateException when started before or stopped
   */
  void start();

  /**
   * Starts the informer and blocks until it stops; an interrupt stops it.
   *
   * @throws IllegalStateException when started before or stopped
   */
  void run();

  /**
   * Stops the informer and waits until its reflector thread has ended and no handler of it is
   * running. Idempotent; safe from any thread, including a handler's own (which is then not waited
   * for).
   */
  void stop();

  /** Whether {@link #stop()} was called or the informer failed. */
  boolean isStopped();

  /** Whether the reflector has a watch open now (liveness). */
  boolean isWatching();

  /** When the last watch event or bookmark arrived, if any (liveness). */
  Optional<Instant> lastEventTime();

  /**
   * Completes when the informer stops: normally after {@link #stop()}, exceptionally with the cause
   * when it failed (for example a mutation of the cache found by the mutation detector, or an error
   * that ended its reflector thread).
   */
  CompletionStage<Void> whenStopped();
}
