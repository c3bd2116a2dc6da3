package dev.kubeclient.informers.cache.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The threads informers share: a {@link WorkerPool} for queue processing and handler delivery and a
 * {@link Scheduler} for timers. Each informer adds only its reflector thread, which blocks on the
 * watch. Threads are daemon and named {@code <prefix>-worker-N} and {@code <prefix>-timer}.
 *
 * <p>Budget: for N informers, N reflector threads, at most {@code coreWorkers} workers (more only
 * while handlers block for longer than {@link #STUCK_THRESHOLD}), and one timer thread; idle
 * workers and the timer thread end after {@link #KEEP_ALIVE}.
 *
 * <p>Thread-safe.
 */
public final class InformerRuntime {
  /** How long an idle worker or timer thread lives. */
  public static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

  /**
   * A task running longer than this counts as blocked, and waiting work gets a new worker: short
   * enough that a slow handler delays others by a fraction of a second, long enough that ordinary
   * time slices (a few milliseconds) never count.
   */
  public static final Duration STUCK_THRESHOLD = Duration.ofMillis(100);

  private static @Nullable InformerRuntime shared;

  private final String prefix;
  private final Clock clock;
  private final Scheduler scheduler;
  private final WorkerPool pool;

  /** A runtime with its own threads. */
  public InformerRuntime(String prefix, Clock clock, int coreWorkers) {
    this.prefix = checkNotNull(prefix, "prefix");
    this.clock = checkNotNull(clock, "clock");
    this.scheduler = new Scheduler(clock, named(prefix + "-timer"), KEEP_ALIVE);
    this.pool =
        new WorkerPool(
            coreWorkers, KEEP_ALIVE, STUCK_THRESHOLD, clock, named(prefix + "-worker-"), scheduler);
  }

  /** The default number of workers: the processors, at least 2 and at most 8. */
  public static int defaultWorkers() {
    return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  /** The process-wide runtime of informers built without one (real clock). */
  public static synchronized InformerRuntime shared() {
    if (shared == null) {
      shared = new InformerRuntime("kube-informer", Clock.system(), defaultWorkers());
    }
    return shared;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The timers. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The workers. */
  public WorkerPool pool() {
    return pool;
  }

  /** The thread name prefix. */
  public String prefix() {
    return prefix;
  }

  /** A new, unstarted daemon thread named {@code name}. */
  public Thread newThread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  /** Ends the workers and the timer thread; waits for them. */
  public void shutdown() throws InterruptedException {
    pool.shutdown();
    scheduler.shutdown();
  }

  private static ThreadFactory named(String base) {
    AtomicInteger n = new AtomicInteger();
    boolean numbered = base.endsWith("-");
    return r -> {
      Thread t = new Thread(r, numbered ? base + n.incrementAndGet() : base);
      t.setDaemon(true);
      return t;
    };
  }
}
