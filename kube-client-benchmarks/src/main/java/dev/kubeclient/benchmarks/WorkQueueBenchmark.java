package dev.kubeclient.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Work queue cycles per second: each operation adds a key, gets a key and marks it done, as a
 * controller's event handler and worker do, on one shared rate-limiting queue per trial ({@link
 * WorkQueuePeer}: kube-client's {@code RateLimitingQueue} or the official client's {@code
 * DefaultRateLimitingQueue}), with 1 thread ({@link #oneThread}) and with 4 ({@link #fourThreads}).
 *
 * <p>Data: each thread cycles through its own 1,024 keys shaped like {@code namespace/name}, so
 * that no add collapses into a key still waiting and a {@code get} never waits for long; the get
 * may return another thread's key, as with real workers.
 *
 * <p>With 4 threads on the official client's queue, two threads have been found waiting in its
 * {@code get()} on an empty queue at the end of iterations (thread dumps; not explained, since each
 * thread adds before it gets); JMH's iteration timeout ({@code -to 3s}) interrupts them, and the
 * score covers the measured time only. kube-client's queue has not stalled here.
 *
 * <p>Run: {@code mvn -B -q -pl kube-client-benchmarks -am package -DskipTests}, then {@code java
 * -jar kube-client-benchmarks/target/benchmarks.jar WorkQueueBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * -to 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WorkQueueBenchmark {
  /** Keys per thread: far more than can wait in the queue at once (one per thread). */
  private static final int KEYS = 1024;

  @Param public WorkQueuePeer peer = WorkQueuePeer.KUBECLIENT;

  private @Nullable WorkQueueAdapter queue;

  /** One thread's keys. */
  @State(Scope.Thread)
  public static class Keys {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String[] keys = new String[KEYS];
    private int next;

    /** Makes this thread's keys, distinct from every other thread's. */
    @Setup
    public void setUp() {
      int thread = THREADS.getAndIncrement();
      for (int i = 0; i < KEYS; i++) {
        keys[i] = "namespace-" + thread + "/pod-" + i;
      }
    }

    String next() {
      String key = keys[next];
      next = (next + 1) & (KEYS - 1);
      return key;
    }
  }

  /** Makes the peer's queue outside the measurement. */
  @Setup(Level.Trial)
  public void setUp() {
    queue = peer.newQueue();
  }

  /** Shuts the queue down and ends its threads. */
  @TearDown(Level.Trial)
  public void tearDown() {
    WorkQueueAdapter q = queue;
    if (q != null) {
      q.shutDown();
    }
  }

  /** One add, get, done cycle on one thread; the key got is returned so JMH keeps it. */
  @Benchmark
  @Threads(1)
  public @Nullable String oneThread(Keys keys) throws InterruptedException {
    return cycle(keys);
  }

  /** One add, get, done cycle on each of four threads sharing the queue. */
  @Benchmark
  @Threads(4)
  public @Nullable String fourThreads(Keys keys) throws InterruptedException {
    return cycle(keys);
  }

  private @Nullable String cycle(Keys keys) throws InterruptedException {
    WorkQueueAdapter q = queue;
    if (q == null) {
      throw new IllegalStateException("setUp() has not run");
    }
    q.add(keys.next());
    String key = q.get();
    if (key != null) {
      q.done(key);
    }
    return key;
  }
}
