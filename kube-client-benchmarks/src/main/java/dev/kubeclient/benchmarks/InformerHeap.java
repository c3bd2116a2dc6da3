package dev.kubeclient.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * Heap an informer keeps per cached pod, per peer: starts a loopback {@link PodCluster} with {@code
 * count} realistic pods ({@link PodFixtures}, about 6 KB of JSON each, managedFields included),
 * reads used heap after full collections, starts the peer's pod informer, waits for the sync,
 * collects again and divides the growth by {@code count}. The server's own copy of the pods exists
 * before the baseline and so does not count. Use {@code -XX:+UseSerialGC} so that used heap after a
 * full collection is exact, and one JVM per peer.
 *
 * <p>Run: {@code mvn -B -q -pl kube-client-benchmarks -am package -DskipTests}, then {@code java
 * -Xmx6g -XX:+UseSerialGC -cp kube-client-benchmarks/target/benchmarks.jar
 * dev.kubeclient.benchmarks.InformerHeap KUBECLIENT 50000}; prints one line of results.
 */
public final class InformerHeap {
  private InformerHeap() {}

  /** {@code args[0]}: an {@link InformerPeer} name; {@code args[1]}: pods (default 50,000). */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: InformerHeap PEER [pods]");
    }
    InformerPeer peer = InformerPeer.valueOf(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    try (PodCluster cluster = new PodCluster(count)) {
      long before = usedAfterGc();
      long start = System.nanoTime();
      try (InformerAdapter informer = peer.newInformer()) {
        informer.start(cluster.kubeconfig());
        if (!informer.awaitSynced(Duration.ofMinutes(10))) {
          throw new IllegalStateException(peer + " did not sync");
        }
        long syncMillis = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        String line =
            String.format(
                Locale.ROOT,
                "%s pods=%d cached=%d sync=%d ms heap/pod=%.0f B",
                peer,
                count,
                informer.cacheSize(),
                syncMillis,
                (after - before) / (double) count);
        System.out.println(line);
      }
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(100);
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        break;
      }
      used = now;
    }
    return used;
  }
}
