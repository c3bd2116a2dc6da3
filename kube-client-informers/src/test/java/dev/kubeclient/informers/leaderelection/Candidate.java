package dev.kubeclient.informers.leaderelection;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.leaderelection.resourcelock.ResourceLock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A leader elector running on a thread of its own, with everything its callbacks saw recorded. */
final class Candidate implements AutoCloseable {
  final String identity;
  final LeaderElector elector;
  final List<LeadingContext> terms = new CopyOnWriteArrayList<>();
  final List<String> newLeaders = new CopyOnWriteArrayList<>();
  final AtomicInteger stopped = new AtomicInteger();
  private final Thread thread;

  Candidate(
      ResourceLock lock,
      Clock clock,
      long seed,
      UnaryOperator<LeaderElectionConfig.Builder> options,
      Consumer<LeadingContext> work) {
    this.identity = lock.identity();
    LeaderElectionConfig config =
        options
            .apply(
                LeaderElectionConfig.builder()
                    .lock(lock)
                    .clock(clock)
                    .random(new Random(seed))
                    .callbacks(
                        LeaderCallbacks.of(
                            ctx -> {
                              terms.add(ctx);
                              work.accept(ctx);
                            },
                            stopped::incrementAndGet,
                            newLeaders::add)))
            .build();
    this.elector = new LeaderElector(config);
    this.thread = new Thread(elector::run, "candidate-" + identity);
    thread.setDaemon(true);
  }

  /** A candidate whose leader work waits for the end of its term. */
  static Candidate awaiting(ResourceLock lock, Clock clock, long seed) {
    return awaiting(lock, clock, seed, b -> b);
  }

  static Candidate awaiting(
      ResourceLock lock, Clock clock, long seed, UnaryOperator<LeaderElectionConfig.Builder> o) {
    return new Candidate(
        lock,
        clock,
        seed,
        o,
        ctx -> {
          try {
            ctx.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  Candidate start() {
    thread.start();
    return this;
  }

  boolean isRunning() {
    return thread.isAlive();
  }

  boolean isLeading() {
    return !terms.isEmpty() && !terms.get(terms.size() - 1).isCancelled();
  }

  void join(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
  }

  @Override
  public void close() throws InterruptedException {
    elector.close();
    thread.join();
  }
}
