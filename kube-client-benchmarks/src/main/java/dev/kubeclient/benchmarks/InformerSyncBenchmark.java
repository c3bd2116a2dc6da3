package dev.kubeclient.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
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

/**
 * Time from starting a pod informer to its cache being synced, per peer ({@link InformerPeer}), for
 * 10,000 and 50,000 realistic pods: each a {@link PodFixtures} pod of about 6 KB of JSON with
 * managedFields, served by a loopback {@link PodCluster} (plain HTTP) started once per trial. Each
 * invocation is a cold informer (new client, new cache); the first iterations also measure class
 * loading and JIT warm-up, the later ones a warm JVM.
 *
 * <p>Run: {@code mvn -B -q -pl kube-client-benchmarks -am package -DskipTests}, then {@code java
 * -Xmx4g -jar kube-client-benchmarks/target/benchmarks.jar InformerSyncBenchmark -f 1 -wi 2 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InformerSyncBenchmark {
  @Param({"10000", "50000"})
  public int pods;

  @Param public InformerPeer peer = InformerPeer.KUBECLIENT;

  private @Nullable PodCluster cluster;
  private @Nullable InformerAdapter informer;

  /** Starts the server with the pods. */
  @Setup(Level.Trial)
  public void startCluster() {
    cluster = new PodCluster(pods);
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void stopCluster() {
    cluster.close();
  }

  /** Lists and caches every pod; returns the cache size so that nothing is optimized away. */
  @Benchmark
  public int syncInformer() throws Exception {
    InformerAdapter i = peer.newInformer();
    informer = i;
    i.start(cluster.kubeconfig());
    if (!i.awaitSynced(Duration.ofMinutes(5))) {
      throw new IllegalStateException(peer + " did not sync " + pods + " pods");
    }
    int size = i.cacheSize();
    if (size != pods) {
      throw new IllegalStateException(peer + " cached " + size + " of " + pods + " pods");
    }
    return size;
  }

  /** Stops the informer of the invocation. */
  @TearDown(Level.Invocation)
  public void stopInformer() throws Exception {
    if (informer != null) {
      informer.close();
      informer = null;
    }
  }
}
