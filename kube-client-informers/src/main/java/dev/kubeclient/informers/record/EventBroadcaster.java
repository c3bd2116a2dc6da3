package dev.kubeclient.informers.record;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;
import static dev.kubeclient.core.internal.Preconditions.checkState;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.record.internal.CoreV1Sink;
import dev.kubeclient.informers.record.internal.DefaultEventRecorder;
import dev.kubeclient.informers.record.internal.EventCorrelator;
import dev.kubeclient.informers.record.internal.EventQueue;
import dev.kubeclient.informers.record.internal.EventSink;
import dev.kubeclient.informers.record.internal.EventsV1Sink;
import dev.kubeclient.informers.record.internal.SinkWriter;
import dev.kubeclient.informers.watch.internal.DaemonThreadFactory;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.Event;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadFactory;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the events of {@link EventRecorder}s and writes them to the API server (client-go's {@code
 * EventBroadcaster} with {@code StartRecordingToSink}): as {@code events.k8s.io/v1} Events by
 * default, or core/v1 Events. Between recorders and the server sit a bounded queue (recorders never
 * wait; an event that finds it full is dropped, counted in {@link #droppedEvents()} and logged) and
 * client-go's correlator: repeated events become one event with a count ({@code series.count} in
 * events.k8s.io), many similar ones are combined, and a token bucket per source and object drops
 * the excess (see {@link CorrelatorOptions}).
 *
 * <pre>{@code
 * EventBroadcaster broadcaster = EventBroadcaster.builder(clientSet).build();
 * broadcaster.start();
 * EventRecorder recorder = broadcaster.newRecorder("my-controller");
 * recorder.eventf(pod, EventRecorder.WARNING, "FailedSync", "cannot sync: %s", cause);
 * ...
 * broadcaster.close();   // writes what is still queued, then stops
 * }</pre>
 *
 * <p>Lifecycle: new → started ({@link #start()}) → closed ({@link #close()}). Events recorded
 * before start wait in the queue. Close stops accepting events, gives each queued event one try (no
 * retries) until the flush timeout, drops the rest, and waits for the sink thread to end; it is
 * idempotent. Threads: one sink thread from the thread factory ({@code kube-event-broadcaster-<n>}
 * by default, a daemon). Safe for concurrent use.
 */
public final class EventBroadcaster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventBroadcaster.class);

  /** client-go's {@code maxQueuedEvents}. */
  public static final int DEFAULT_QUEUE_SIZE = 1000;

  /** client-go's {@code defaultSleepDuration} between tries to write an event. */
  public static final Duration DEFAULT_SLEEP_DURATION = Duration.ofSeconds(10);

  /** How long close() lets queued events drain by default. */
  public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(10);

  private static final ThreadFactory THREADS = new DaemonThreadFactory("kube-event-broadcaster");

  /** The API the events are written to. */
  public enum ApiVersion {
    /** {@code events.k8s.io/v1}, as client-go's {@code tools/events}. */
    EVENTS_V1,
    /** core/v1, as client-go's {@code tools/record}. */
    CORE_V1
  }

  private enum State {
    NEW,
    STARTED,
    CLOSED
  }

  private final EventSink sink;
  private final EventQueue queue;
  private final EventCorrelator correlator;
  private final Builder config;
  private final SinkWriter.Counters counters = new SinkWriter.Counters();
  private final String host;
  private final Object lifecycle = new Object();

  /** Guarded by {@code lifecycle}. */
  private State state = State.NEW;

  /** Guarded by {@code lifecycle}. */
  private @Nullable Thread sinkThread;

  private EventBroadcaster(Builder b) {
    this.config = b.copy();
    this.sink =
        b.apiVersion == ApiVersion.EVENTS_V1
            ? new EventsV1Sink(b.clientSet.eventsV1())
            : new CoreV1Sink(b.clientSet.coreV1());
    this.queue = new EventQueue(b.queueSize, b.clock);
    this.correlator = new EventCorrelator(b.correlatorOptions, b.clock);
    this.host = b.host != null ? b.host : localHostName();
  }

  /** A builder of a broadcaster writing through {@code clientSet}. */
  public static Builder builder(ClientSet clientSet) {
    return new Builder(clientSet);
  }

  /**
   * A recorder for the controller {@code reportingController} (such as {@code
   * example.com/my-controller}), reporting as instance {@code <reportingController>-<host>}, as
   * client-go's events broadcaster names it.
   */
  public EventRecorder newRecorder(String reportingController) {
    checkNotNull(reportingController, "reportingController");
    return newRecorder(reportingController, reportingController + "-" + host);
  }

  /** A recorder for {@code reportingController} reporting as {@code reportingInstance}. */
  public EventRecorder newRecorder(String reportingController, String reportingInstance) {
    checkNotNull(reportingController, "reportingController");
    checkNotNull(reportingInstance, "reportingInstance");
    checkArgument(!reportingController.isEmpty(), "reportingController must not be empty");
    checkArgument(!reportingInstance.isEmpty(), "reportingInstance must not be empty");
    return new DefaultEventRecorder(
        reportingController, reportingInstance, host, config.clock, this::enqueue);
  }

  /**
   * Starts the sink thread.
   *
   * @throws IllegalStateException when started or closed before
   */
  public void start() {
    synchronized (lifecycle) {
      checkState(state == State.NEW, "event broadcaster already %s", state);
      Thread t =
          config.threadFactory.newThread(
              new SinkWriter(
                  queue, correlator, sink, config.sleepDuration, config.random, counters));
      sinkThread = t;
      state = State.STARTED;
      t.start();
    }
  }

  /**
   * Stops accepting events, writes what is queued (one try each, for at most the flush timeout),
   * and waits for the sink thread to end. Events still queued then are dropped and counted.
   * Idempotent.
   */
  @Override
  public void close() {
    Thread t;
    synchronized (lifecycle) {
      if (state == State.CLOSED) {
        return;
      }
      boolean started = state == State.STARTED;
      state = State.CLOSED;
      queue.close(config.flushTimeout.toNanos());
      t = sinkThread;
      if (!started) {
        int left = queue.clear();
        if (left > 0) {
          counters.dropped().addAndGet(left);
          log.warn("dropped {} events recorded to a broadcaster that never started", left);
        }
      }
    }
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
  }

  /** Events dropped so far: the queue was full or closed, or they were left when it closed. */
  public long droppedEvents() {
    return counters.dropped().get();
  }

  /** Event writes the server accepted so far (creations and count updates). */
  public long writtenEvents() {
    return counters.written().get();
  }

  /** Events given up on: rejected by the server, or not written after every try. */
  public long failedEvents() {
    return counters.failed().get();
  }

  /** The API version events are written in. */
  public ApiVersion apiVersion() {
    return config.apiVersion;
  }

  private void enqueue(Event event) {
    EventQueue.Offer offer = queue.offer(event);
    if (offer == EventQueue.Offer.QUEUED) {
      return;
    }
    long n = counters.dropped().incrementAndGet();
    // Every drop is counted; the log shows the first and then every power of two, so that a
    // flood of events cannot flood the log as well.
    if ((n & (n - 1)) == 0) {
      log.warn(
          "dropped an event about {} {}/{} ({}): {}; {} dropped so far",
          event.getInvolvedObject().getKind(),
          event.getInvolvedObject().getNamespace(),
          event.getInvolvedObject().getName(),
          event.getReason(),
          offer == EventQueue.Offer.FULL ? "too many queued events" : "broadcaster is closed",
          n);
    }
  }

  private static String localHostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  @Override
  public String toString() {
    return "EventBroadcaster{" + sink.apiVersion() + ", dropped=" + droppedEvents() + "}";
  }

  /** Options of an {@link EventBroadcaster}; not thread-safe. */
  public static final class Builder {
    private final ClientSet clientSet;
    private ApiVersion apiVersion = ApiVersion.EVENTS_V1;
    private CorrelatorOptions correlatorOptions = CorrelatorOptions.defaults();
    private int queueSize = DEFAULT_QUEUE_SIZE;
    private Duration sleepDuration = DEFAULT_SLEEP_DURATION;
    private Duration flushTimeout = DEFAULT_FLUSH_TIMEOUT;
    private Clock clock = Clock.system();
    private RandomGenerator random = new Random();
    private ThreadFactory threadFactory = THREADS;
    private @Nullable String host;

    private Builder(ClientSet clientSet) {
      this.clientSet = checkNotNull(clientSet, "clientSet");
    }

    private Builder copy() {
      Builder b = new Builder(clientSet);
      b.apiVersion = apiVersion;
      b.correlatorOptions = correlatorOptions;
      b.queueSize = queueSize;
      b.sleepDuration = sleepDuration;
      b.flushTimeout = flushTimeout;
      b.clock = clock;
      b.random = random;
      b.threadFactory = threadFactory;
      b.host = host;
      return b;
    }

    /** The API to write events in; {@link ApiVersion#EVENTS_V1} by default. */
    public Builder apiVersion(ApiVersion apiVersion) {
      this.apiVersion = checkNotNull(apiVersion, "apiVersion");
      return this;
    }

    /** The correlator's tuning; client-go's defaults by default. */
    public Builder correlatorOptions(CorrelatorOptions options) {
      this.correlatorOptions = checkNotNull(options, "options");
      return this;
    }

    /** How many events may wait for the sink; 1000 by default. */
    public Builder queueSize(int queueSize) {
      checkArgument(queueSize > 0, "queueSize must be positive: %s", queueSize);
      this.queueSize = queueSize;
      return this;
    }

    /** The wait between tries to write an event; 10 s by default. */
    public Builder sleepDuration(Duration sleepDuration) {
      checkNotNull(sleepDuration, "sleepDuration");
      checkArgument(
          !sleepDuration.isNegative(), "sleepDuration must not be negative: %s", sleepDuration);
      this.sleepDuration = sleepDuration;
      return this;
    }

    /** How long close() lets queued events drain; 10 s by default. */
    public Builder flushTimeout(Duration flushTimeout) {
      checkNotNull(flushTimeout, "flushTimeout");
      checkArgument(
          !flushTimeout.isNegative(), "flushTimeout must not be negative: %s", flushTimeout);
      this.flushTimeout = flushTimeout;
      return this;
    }

    /** The clock of event timestamps, the correlator and the waits. */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** The source of the randomized first retry wait. */
    public Builder random(RandomGenerator random) {
      this.random = checkNotNull(random, "random");
      return this;
    }

    /** Makes the sink thread. */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = checkNotNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * The host in the events' source and default reporting instance; by default {@code $HOSTNAME}
     * or the local host name.
     */
    public Builder host(String host) {
      checkNotNull(host, "host");
      checkArgument(!host.isEmpty(), "host must not be empty");
      this.host = host;
      return this;
    }

    /** The broadcaster (not started). */
    public EventBroadcaster build() {
      return new EventBroadcaster(this);
    }
  }
}
