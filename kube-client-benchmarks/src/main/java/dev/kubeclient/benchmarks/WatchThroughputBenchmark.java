package dev.kubeclient.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Watch events per second through a pod informer into a no-op handler, per peer ({@link
 * InformerPeer}): with 1,000 realistic pods ({@link PodFixtures}) cached, each invocation stores
 * {@link #EVENTS} more pods in the loopback {@link PodCluster} (in-process, no HTTP) and waits
 * until the handler has been told of every one. The server writes and the client decodes, caches
 * and delivers concurrently, so the figure is the informer's end-to-end rate against a server that
 * costs the same for every peer. A fresh cluster and informer per iteration keep the cache near
 * 1,000 pods.
 *
 * <p>Run: {@code mvn -B -q -pl kube-client-benchmarks -am package -DskipTests}, then {@code java
 * -Xmx4g -jar kube-client-benchmarks/target/benchmarks.jar WatchThroughputBenchmark -f 1 -wi 3 -i
 * 5}; the score is events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WatchThroughputBenchmark {
  /** Events per invocation: enough that the per-invocation wait is small beside it. */
  static final int EVENTS = 5_000;

  private static final int CACHED = 1_000;

  @Param public InformerPeer peer = InformerPeer.KUBECLIENT;

  private @Nullable PodCluster cluster;
  private @Nullable InformerAdapter informer;

  /** A cluster of 1,000 pods and a synced informer of them. */
  @Setup(Level.Iteration)
  public void start() throws Exception {
    cluster = new PodCluster(CACHED);
    InformerAdapter i = peer.newInformer();
    informer = i;
    i.start(cluster.kubeconfig());
    if (!i.awaitSynced(Duration.ofMinutes(1))) {
      throw new IllegalStateException(peer + " did not sync");
    }
  }

  /** Stops the informer and the cluster. */
  @TearDown(Level.Iteration)
  public void stop() throws Exception {
    informer.close();
    cluster.close();
  }

  /** Stores {@link #EVENTS} pods and waits until the handler saw them all. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long events() throws InterruptedException {
    long target = informer.events() + EVENTS;
    cluster.addPods(EVENTS);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (informer.events() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(peer + " delivered " + informer.events() + " of " + target);
      }
      Thread.onSpinWait();
    }
    return informer.events();
  }
}
