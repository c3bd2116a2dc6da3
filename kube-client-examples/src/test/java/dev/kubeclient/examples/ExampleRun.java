package dev.kubeclient.examples;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * An example running on a thread of its own, as CI runs it: its output is captured, a test waits
 * for lines to appear, stops it as Ctrl-C would, and checks that it ended cleanly in bounded time.
 */
public final class ExampleRun implements AutoCloseable {
  /** Generous for a loaded 2-core machine; a healthy run takes a fraction of it. */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final StopSignal stop = new StopSignal();
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private final Thread thread;

  private ExampleRun(String name, Example example, List<String> args) {
    thread =
        new Thread(
            () -> {
              try {
                example.run(args, out, stop);
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "example-" + name);
    thread.setDaemon(true);
  }

  /** Starts {@code example} with {@code args}. */
  public static ExampleRun start(String name, Example example, String... args) {
    ExampleRun run = new ExampleRun(name, example, List.of(args));
    run.thread.start();
    return run;
  }

  /**
   * Runs {@code example} with the stop signal raised before it starts, as when Ctrl-C comes at
   * once, and returns its output lines.
   */
  public static List<String> runStopped(String name, Example example, String... args) {
    try (ExampleRun run = new ExampleRun(name, example, List.of(args))) {
      run.stop();
      run.thread.start();
      run.awaitEnd();
      return run.lines();
    }
  }

  /** Runs {@code example} to its end and returns its output lines. */
  public static List<String> runToEnd(String name, Example example, String... args) {
    try (ExampleRun run = start(name, example, args)) {
      run.awaitEnd();
      return run.lines();
    }
  }

  /** What the example printed so far. */
  public String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The lines the example printed so far. */
  public List<String> lines() {
    return output().lines().toList();
  }

  /** Waits until some line satisfies {@code condition}; fails with the output otherwise. */
  public void awaitLine(String description, Predicate<String> condition) {
    try {
      await(description)
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> lines().stream().anyMatch(condition) || !thread.isAlive());
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no " + description + " within " + PATIENCE + " in:\n" + output());
    }
    if (lines().stream().noneMatch(condition)) {
      Throwable t = failure.get();
      throw new AssertionError(
          "the example ended without " + description + "; output:\n" + output(), t);
    }
  }

  /**
   * Waits until {@code condition} holds, for example on what the example wrote to the server; fails
   * with the example's output otherwise.
   */
  public void awaitCondition(String description, Callable<Boolean> condition) {
    try {
      await(description).atMost(PATIENCE).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no " + description + " within " + PATIENCE + "; output:\n" + output());
    }
  }

  /** Waits until a line equal to {@code line} has been printed. */
  public void awaitLine(String line) {
    awaitLine("line '" + line + "'", line::equals);
  }

  /** Raises the stop signal, as Ctrl-C does. */
  public void stop() {
    stop.stop("interrupted");
  }

  /** Waits for the example to end; rethrows what it failed with. */
  public void awaitEnd() {
    try {
      thread.join(PATIENCE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    if (thread.isAlive()) {
      throw new AssertionError(
          "the example did not end within " + PATIENCE + "; output:\n" + output());
    }
    Throwable t = failure.get();
    if (t != null) {
      throw new AssertionError("the example failed; output:\n" + output(), t);
    }
  }

  /** Stops the example and waits for it to end. */
  @Override
  public void close() {
    stop();
    awaitEnd();
  }
}
