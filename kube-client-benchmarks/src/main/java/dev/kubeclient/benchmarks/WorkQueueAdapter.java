package dev.kubeclient.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One peer's rate-limiting work queue, reduced to what {@link WorkQueueBenchmark} measures: the
 * add, get, done cycle of a controller worker. Implementations must be safe for concurrent use.
 */
public interface WorkQueueAdapter {
  /** Marks {@code key} as needing processing. */
  void add(String key);

  /**
   * Blocks until a key can be processed and returns it; null once shut down.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  @Nullable String get() throws InterruptedException;

  /** Marks {@code key} as processed. */
  void done(String key);

  /** Shuts the queue down and ends its threads. */
  void shutDown();
}
