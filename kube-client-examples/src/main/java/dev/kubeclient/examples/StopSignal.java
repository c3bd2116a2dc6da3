package dev.kubeclient.examples;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * When a long-running example should stop: on Ctrl-C (or SIGTERM), after its {@code --duration}, or
 * when a test says so. It plays the role of the cancelled {@code context.Context} in client-go's
 * examples.
 *
 * <p>The example's main thread waits in {@link #await()}, then shuts its informers, queues and
 * workers down in order. On Ctrl-C the JVM runs the shutdown hook installed by {@link
 * #installShutdownHook}, which raises the signal and holds the JVM open until the example has
 * called {@link #finished()} (or a grace period ran out), so that the shutdown is clean.
 *
 * <p>Safe for concurrent use.
 */
public final class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile @Nullable String reason;
  private volatile @Nullable Duration limit;
  private volatile long deadlineNanos;

  /** A signal not yet raised. */
  public StopSignal() {}

  /** Raises the signal (the first reason wins) and runs the {@link #onStop} actions. Idempotent. */
  public void stop(String why) {
    synchronized (this) {
      if (reason != null) {
        return;
      }
      reason = why;
    }
    stopped.countDown();
    for (Runnable r : listeners) {
      r.run();
    }
  }

  /** Whether the signal was raised. */
  public boolean isStopped() {
    return reason != null;
  }

  /** Why the example stops, or null while it runs. */
  public @Nullable String reason() {
    return reason;
  }

  /**
   * Runs {@code action} once the signal is raised (at once if it already was), on the thread that
   * raises it: for example, closing a watch that a thread blocks on.
   */
  public void onStop(Runnable action) {
    listeners.add(action);
    if (isStopped() && listeners.remove(action)) {
      action.run();
    }
  }

  /**
   * Raises the signal {@code limit} from now, unless it is raised before; null means no limit. The
   * limit is checked by {@link #await()} and {@link #sleep}.
   */
  public void stopAfter(@Nullable Duration limit) {
    if (limit != null) {
      this.limit = limit;
      this.deadlineNanos = System.nanoTime() + limit.toNanos();
    }
  }

  /**
   * Blocks until the signal is raised, or until the limit set by {@link #stopAfter} has passed, in
   * which case it raises the signal itself.
   *
   * @return why the example stops
   */
  public String await() throws InterruptedException {
    while (!sleep(Duration.ofDays(1))) {
      // waits on
    }
    String why = reason;
    return why == null ? "stopped" : why;
  }

  /**
   * Sleeps for {@code period} unless the signal is raised first (or the limit passes, which raises
   * it).
   *
   * @return true when the signal was raised
   */
  public boolean sleep(Duration period) throws InterruptedException {
    Duration l = limit;
    if (l == null) {
      return stopped.await(period.toNanos(), TimeUnit.NANOSECONDS);
    }
    long left = deadlineNanos - System.nanoTime();
    if (left > period.toNanos()) {
      return stopped.await(period.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (!stopped.await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
      stop("ran for " + format(l));
    }
    return true;
  }

  /** Tells a waiting shutdown hook that the example has shut down. */
  public void finished() {
    finished.countDown();
  }

  /**
   * Raises the signal when the JVM is asked to exit (Ctrl-C, SIGTERM), then holds the exit for up
   * to {@code grace} until {@link #finished()} is called.
   *
   * @return the hook, for {@link Runtime#removeShutdownHook}
   */
  public Thread installShutdownHook(Duration grace) {
    Thread hook =
        new Thread(
            () -> {
              stop("interrupted");
              try {
                finished.await(grace.toNanos(), TimeUnit.NANOSECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "example-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long s = d.toSeconds();
    return s % 60 != 0 || s < 60 ? s + "s" : s / 60 + "m";
  }
}
