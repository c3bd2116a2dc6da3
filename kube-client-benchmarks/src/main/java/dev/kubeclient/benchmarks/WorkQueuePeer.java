package dev.kubeclient.benchmarks;

import java.util.function.Supplier;

/**
 * The work queues {@link WorkQueueBenchmark} compares, selected by its {@code @Param}. fabric8 has
 * no work queue, so it is not among them.
 */
public enum WorkQueuePeer {
  /** kube-client's {@code RateLimitingQueue}. */
  KUBECLIENT(KubeClientWorkQueue::new),
  /** The official Kubernetes Java client's {@code DefaultRateLimitingQueue}. */
  OFFICIAL(OfficialWorkQueue::new);

  private final Supplier<WorkQueueAdapter> factory;

  WorkQueuePeer(Supplier<WorkQueueAdapter> factory) {
    this.factory = factory;
  }

  /** Returns a new, empty queue of this peer; the caller shuts it down. */
  public WorkQueueAdapter newQueue() {
    return factory.get();
  }
}
