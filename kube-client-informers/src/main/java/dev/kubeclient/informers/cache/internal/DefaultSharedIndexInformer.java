package dev.kubeclient.informers.cache.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.FieldsV1;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ManagedFieldsEntry;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.informers.cache.DeletedFinalStateUnknown;
import dev.kubeclient.informers.cache.Delta;
import dev.kubeclient.informers.cache.DeltaFIFO;
import dev.kubeclient.informers.cache.IndexFunc;
import dev.kubeclient.informers.cache.Indexer;
import dev.kubeclient.informers.cache.KeyFunctions;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.ResourceEventHandlerRegistration;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.informers.cache.Store;
import dev.kubeclient.informers.cache.TransformFunc;
import dev.kubeclient.informers.cache.WatchErrorHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SharedIndexInformer}: client-go's {@code sharedIndexInformer} plus its {@code
 * controller}.
 *
 * <p>Design notes. The reflector (own thread) writes into a {@link DeltaFIFO} through {@link
 * SignallingQueue}, which after each write makes sure a drain task is queued on the pool. The drain
 * task pops deltas for a time slice; for each it updates the indexer and distributes notifications
 * to the listeners' buffers (under {@code blockDeltas}, as client-go does, so that a handler added
 * late sees the cache and the stream without a gap or an overlap), then resubmits itself if more is
 * queued. The informer is synced when the queue has handed out its first list; that transition is
 * published under {@code blockDeltas} too, so each listener learns it after its initial adds.
 *
 * @param <T> the object type
 */
public final class DefaultSharedIndexInformer<T extends KubernetesObject>
    implements SharedIndexInformer<T> {
  private static final Logger log = LoggerFactory.getLogger(DefaultSharedIndexInformer.class);

  /** client-go's {@code minimumResyncPeriod}. */
  static final Duration MINIMUM_RESYNC_PERIOD = Duration.ofSeconds(1);

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final InformerConfig<T> config;
  private final InformerRuntime runtime;
  private final boolean ownsRuntime;
  private final DefaultIndexer<T> indexer;
  private final SharedProcessor<T> processor;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();

  /** Guards the state and everything set before start. */
  private final Object startedLock = new Object();

  /** Held while deltas are applied and distributed, and while a handler joins or leaves. */
  private final ReentrantLock blockDeltas = new ReentrantLock();

  /**
   * Objects cached since the drain task last packed their managed fields. Guarded by blockDeltas.
   */
  private ArrayList<T> toPack = new ArrayList<>();

  /** Guarded by {@code startedLock}. */
  private State state = State.NEW;

  /** Guarded by {@code startedLock}. */
  private Duration resyncCheckPeriod;

  /** Guarded by {@code startedLock}. */
  private @Nullable TransformFunc<T> transform;

  /** Guarded by {@code startedLock}. */
  private @Nullable WatchErrorHandler watchErrorHandler;

  /** Set at start. */
  private volatile @Nullable DeltaFIFO<T> fifo;

  private volatile @Nullable DefaultReflector<T> reflector;
  private volatile @Nullable Thread reflectorThread;
  private volatile @Nullable MutationDetector mutationDetector;
  private volatile Scheduler.@Nullable Timer mutationTimer;

  /** Whether the first list has been applied and announced. Guarded by {@code blockDeltas}. */
  private boolean synced;

  /** Set at start. */
  private volatile @Nullable QueueDrainer<T> drainer;

  /** Creates an informer (not started) using {@code runtime}'s threads. */
  public DefaultSharedIndexInformer(
      InformerConfig<T> config, InformerRuntime runtime, boolean ownsRuntime) {
    this.config = checkNotNull(config, "config");
    this.runtime = checkNotNull(runtime, "runtime");
    this.ownsRuntime = ownsRuntime;
    this.indexer =
        new DefaultIndexer<>(KeyFunctions.metaNamespaceKeyFunc(), config.indexers(), null);
    this.processor = new SharedProcessor<>(runtime.clock());
    this.resyncCheckPeriod = config.resyncPeriod();
  }

  /** Whether {@code KUBE_CACHE_MUTATION_DETECTOR} asks for the mutation detector. */
  public static boolean mutationDetectionFromEnvironment() {
    return Boolean.parseBoolean(System.getenv("KUBE_CACHE_MUTATION_DETECTOR"));
  }

  private String id() {
    return config.name() + " (" + config.description() + ")";
  }

  @Override
  public ResourceEventHandlerRegistration addEventHandler(ResourceEventHandler<T> handler) {
    return add(handler, null);
  }

  @Override
  public ResourceEventHandlerRegistration addEventHandlerWithResyncPeriod(
      ResourceEventHandler<T> handler, Duration resyncPeriod) {
    checkNotNull(resyncPeriod, "resyncPeriod");
    return add(handler, resyncPeriod);
  }

  private ResourceEventHandlerRegistration add(
      ResourceEventHandler<T> handler, @Nullable Duration requested) {
    checkNotNull(handler, "handler");
    synchronized (startedLock) {
      if (state == State.STOPPED) {
        throw new IllegalStateException(
            "handler " + handler + " was not added to informer " + id() + ": it has stopped");
      }
      Duration period = requested != null ? requested : config.resyncPeriod();
      if (period.isNegative()) {
        throw new IllegalArgumentException("resyncPeriod must not be negative: " + period);
      }
      if (!period.isZero()) {
        if (period.compareTo(MINIMUM_RESYNC_PERIOD) < 0) {
          log.warn("informer {}: resync period {} is too small, using 1s", id(), period);
          period = MINIMUM_RESYNC_PERIOD;
        }
        if (period.compareTo(resyncCheckPeriod) < 0) {
          if (state == State.RUNNING) {
            log.warn(
                "informer {}: resync period {} is smaller than the resync check period {} of the"
                    + " running informer, using that",
                id(),
                period,
                resyncCheckPeriod);
            period = resyncCheckPeriod;
          } else {
            resyncCheckPeriod = period;
            processor.resyncCheckPeriodChanged(period);
          }
        }
      }
      ProcessorListener<T> listener =
          new ProcessorListener<>(
              handler,
              period,
              SharedProcessor.determineResyncPeriod(period, resyncCheckPeriod, id()),
              runtime.pool(),
              runtime.clock(),
              config.name());
      if (state == State.NEW) {
        processor.addListener(listener);
        return listener;
      }
      // Joining a running informer: no deltas flow while it gets the cache as initial adds.
      blockDeltas.lock();
      try {
        processor.addListener(listener);
        for (T item : indexer.list()) {
          listener.add(Notification.add(item, true));
        }
        if (synced) {
          listener.syncTracker().upstreamHasSynced();
        }
      } finally {
        blockDeltas.unlock();
      }
      return listener;
    }
  }

  @Override
  public void removeEventHandler(ResourceEventHandlerRegistration registration) {
    checkNotNull(registration, "registration");
    if (!(registration instanceof ProcessorListener<?> listener)) {
      return;
    }
    boolean removed;
    blockDeltas.lock();
    try {
      removed = processor.removeListener(listener);
    } finally {
      blockDeltas.unlock();
    }
    // Waiting for a delivery in progress happens outside blockDeltas: that handler may itself be
    // adding a handler, which needs it.
    if (removed) {
      listener.stop();
    }
  }

  @Override
  public Store<T> getStore() {
    return indexer;
  }

  @Override
  public Indexer<T> getIndexer() {
    return indexer;
  }

  @Override
  public void addIndexers(Map<String, ? extends IndexFunc<T>> indexers) {
    synchronized (startedLock) {
      if (state == State.STOPPED) {
        throw new IllegalStateException("indexers not added to informer " + id() + ": stopped");
      }
      indexer.addIndexers(indexers);
    }
  }

  @Override
  public boolean hasSynced() {
    DeltaFIFO<T> f = fifo;
    return f != null && f.hasSynced();
  }

  @Override
  public String lastSyncResourceVersion() {
    DefaultReflector<T> r = reflector;
    return r == null ? "" : r.lastSyncResourceVersion();
  }

  @Override
  public void setWatchErrorHandler(WatchErrorHandler handler) {
    checkNotNull(handler, "handler");
    synchronized (startedLock) {
      checkNew("setWatchErrorHandler");
      watchErrorHandler = handler;
    }
  }

  @Override
  public void setTransform(TransformFunc<T> transform) {
    checkNotNull(transform, "transform");
    synchronized (startedLock) {
      checkNew("setTransform");
      this.transform = transform;
    }
  }

  private void checkNew(String what) {
    if (state != State.NEW) {
      throw new IllegalStateException(what + ": informer " + id() + " has already started");
    }
  }

  @Override
  public void start() {
    synchronized (startedLock) {
      if (state != State.NEW) {
        throw new IllegalStateException(
            "informer " + id() + " already " + state.name().toLowerCase(java.util.Locale.ROOT));
      }
      DeltaFIFO.Builder<T> fb =
          DeltaFIFO.<T>newBuilder()
              .name("DeltaFIFO " + config.description())
              .keyFunction(KeyFunctions.metaNamespaceKeyFunc())
              .knownObjects(indexer)
              .emitDeltaTypeReplaced(true);
      if (transform != null) {
        fb.transformer(transform);
      }
      DeltaFIFO<T> f = fb.build();
      fifo = f;
      QueueDrainer<T> qd =
          new QueueDrainer<>(
              f,
              this::handleDeltas,
              processor::hold,
              this::packThenRelease,
              this::checkSynced,
              runtime.pool(),
              runtime.clock());
      drainer = qd;
      DefaultReflector<T> r =
          new DefaultReflector<>(
              new ReflectorConfig<>(
                  config.name(),
                  config.description(),
                  config.listerWatcher(),
                  new SignallingQueue<>(f, qd::signal),
                  resyncCheckPeriod,
                  processor::shouldResync,
                  DefaultReflector.MIN_WATCH_TIMEOUT,
                  0,
                  config.useWatchList(),
                  DefaultReflector.INITIAL_EVENTS_TIMEOUT,
                  Duration.ZERO,
                  watchErrorHandler,
                  runtime.clock(),
                  new SplittableRandom(),
                  runtime.scheduler()));
      reflector = r;
      if (config.detectMutations()) {
        log.warn(
            "informer {}: mutation detector is enabled; this will result in memory leakage", id());
        MutationDetector d =
            new MutationDetector(
                config.description(), this::mutationFound, runtime.clock().nanoTime());
        mutationDetector = d;
        mutationTimer =
            runtime
                .scheduler()
                .scheduleWithFixedDelay(
                    () -> d.compareObjects(runtime.clock().nanoTime()), MutationDetector.PERIOD);
      }
      processor.start();
      Thread t =
          runtime.newThread("kube-informer-" + config.name() + "-reflector", this::runReflector);
      reflectorThread = t;
      state = State.RUNNING;
      t.start();
    }
  }

  private void runReflector() {
    DefaultReflector<T> r = Objects.requireNonNull(reflector);
    try {
      r.run(true);
    } catch (Throwable e) {
      log.error("informer {}: reflector thread failed", id(), e);
      fail(e);
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  private void mutationFound(String message) {
    log.error("informer {}: {}", id(), message);
    // Stopping waits for the reflector; not on the timer thread, which the reflector may need.
    Thread t =
        runtime.newThread(
            "kube-informer-" + config.name() + "-stopper",
            () -> fail(new IllegalStateException(message)));
    t.start();
  }

  private void fail(Throwable cause) {
    shutdown();
    stopped.completeExceptionally(cause);
  }

  @Override
  public void run() {
    start();
    try {
      stopped.handle((v, e) -> null).toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("unreachable: handled future failed", e);
    }
  }

  @Override
  public void stop() {
    shutdown();
    stopped.complete(null);
  }

  private void shutdown() {
    synchronized (startedLock) {
      if (state == State.STOPPED) {
        return;
      }
      state = State.STOPPED;
    }
    DefaultReflector<T> r = reflector;
    if (r != null) {
      r.stop();
    }
    Thread t = reflectorThread;
    if (t != null && t != Thread.currentThread()) {
      boolean interrupted = false;
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Scheduler.Timer mt = mutationTimer;
    if (mt != null) {
      mt.cancel();
    }
    DeltaFIFO<T> f = fifo;
    if (f != null) {
      f.close();
    }
    QueueDrainer<T> qd = drainer;
    if (qd != null) {
      qd.stop();
    }
    processor.stop();
    if (ownsRuntime) {
      try {
        runtime.shutdown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    log.debug("informer {}: stopped", id());
  }

  @Override
  public boolean isStopped() {
    synchronized (startedLock) {
      return state == State.STOPPED;
    }
  }

  @Override
  public boolean isWatching() {
    DefaultReflector<T> r = reflector;
    return r != null && r.isWatching();
  }

  @Override
  public Optional<Instant> lastEventTime() {
    DefaultReflector<T> r = reflector;
    return r == null ? Optional.empty() : r.lastEventTime();
  }

  @Override
  public CompletionStage<Void> whenStopped() {
    return stopped.minimalCompletionStage();
  }

  /** Applies one key's deltas to the cache and tells the listeners: client-go's processDeltas. */
  private void handleDeltas(List<Delta<T>> deltas, boolean isInInitialList) {
    blockDeltas.lock();
    try {
      for (Delta<T> d : deltas) {
        try {
          apply(d, isInInitialList);
        } catch (RuntimeException e) {
          log.error("informer {}: failed to apply {} to the cache", id(), d, e);
        }
      }
    } finally {
      blockDeltas.unlock();
    }
  }

  private void apply(Delta<T> d, boolean isInInitialList) {
    MutationDetector detector = mutationDetector;
    switch (d.type()) {
      case SYNC, REPLACED, ADDED, UPDATED -> {
        T obj = Objects.requireNonNull(d.object());
        toPack.add(obj);
        T old = indexer.get(obj);
        if (old != null) {
          indexer.update(obj);
          if (detector != null) {
            detector.addObject(obj);
          }
          // Same resourceVersion: a resync (or a relist of an unchanged object), only for handlers
          // that asked for resyncs.
          processor.distribute(Notification.update(old, obj), sameResourceVersion(old, obj));
        } else {
          indexer.add(obj);
          if (detector != null) {
            detector.addObject(obj);
          }
          processor.distribute(Notification.add(obj, isInInitialList), false);
        }
      }
      case DELETED -> {
        DeletedFinalStateUnknown<T> tombstone = d.tombstone();
        if (tombstone != null) {
          indexer.deleteByKey(tombstone.key());
          T last = tombstone.obj();
          if (last == null) {
            log.warn(
                "informer {}: deletion of {} found by a relist carries no object; not delivered",
                id(),
                tombstone.key());
          } else {
            processor.distribute(Notification.delete(last, true), false);
          }
        } else {
          T obj = Objects.requireNonNull(d.object());
          indexer.delete(obj);
          processor.distribute(Notification.delete(obj, false), false);
        }
      }
    }
  }

  /**
   * After a slice of pops: packs the managed fields of the objects cached in it, then releases the
   * listeners' deliveries. Runs outside the queue's lock, which the deltas are applied under (as in
   * client-go): packed under it, a watch's reader waited on every pack to queue its next event, and
   * the watch's rate fell by about a tenth.
   */
  private void packThenRelease() {
    try {
      List<T> batch;
      blockDeltas.lock();
      try {
        if (toPack.isEmpty()) {
          return;
        }
        batch = toPack;
        toPack = new ArrayList<>();
      } finally {
        blockDeltas.unlock();
      }
      for (T obj : batch) {
        try {
          packManagedFields(obj);
        } catch (RuntimeException e) {
          // Nothing is lost: the object keeps its sets as text.
          log.warn("informer {}: could not pack the managed fields of a cached object", id(), e);
        }
      }
    } finally {
      processor.release();
    }
  }

  /**
   * Packs the object's managed-fields sets ({@link FieldsV1#packed()}): they were about a seventh
   * of a cached pod's heap as text. Done on the informer's drain task, rather than when decoding,
   * which for a watch runs on the one thread that bounds its rate. The object is cached already,
   * and a lister may be reading it: each set is replaced by an equal one, so a reader sees the one
   * or the other, never a change. An Unstructured object's metadata is a copy, which would pack for
   * nothing.
   */
  private static void packManagedFields(KubernetesObject obj) {
    if (obj instanceof Unstructured) {
      return;
    }
    ObjectMeta meta = obj.getMetadata();
    @Nullable List<ManagedFieldsEntry> entries = meta == null ? null : meta.getManagedFields();
    if (entries == null) {
      return;
    }
    for (ManagedFieldsEntry e : entries) {
      @Nullable FieldsV1 set = e == null ? null : e.getFieldsV1();
      if (set != null) {
        FieldsV1 packed = set.packed();
        if (packed != set) {
          e.setFieldsV1(packed);
        }
      }
    }
  }

  private static boolean sameResourceVersion(KubernetesObject a, KubernetesObject b) {
    ObjectMeta ma = a.getMetadata();
    ObjectMeta mb = b.getMetadata();
    return ma != null
        && mb != null
        && Objects.equals(ma.getResourceVersion(), mb.getResourceVersion());
  }

  /** Publishes the sync once the queue has handed out the first list. */
  private void checkSynced() {
    DeltaFIFO<T> f = fifo;
    if (f == null || !f.hasSynced()) {
      return;
    }
    blockDeltas.lock();
    try {
      if (synced) {
        return;
      }
      synced = true;
      for (ProcessorListener<T> l : processor.listeners()) {
        l.syncTracker().upstreamHasSynced();
      }
    } finally {
      blockDeltas.unlock();
    }
    log.debug("informer {}: synced", id());
  }

  @Override
  public String toString() {
    return "SharedIndexInformer{" + id() + "}";
  }
}
