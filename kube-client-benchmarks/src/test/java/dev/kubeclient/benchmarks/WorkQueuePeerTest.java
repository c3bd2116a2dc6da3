package dev.kubeclient.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks that every peer's queue does the cycle the benchmark measures, with the same rules. */
class WorkQueuePeerTest {

  @ParameterizedTest
  @EnumSource(WorkQueuePeer.class)
  void cycle_addGetDone_handsOutEachKeyInOrderAndCollapsesDuplicates(WorkQueuePeer peer)
      throws InterruptedException {
    WorkQueueAdapter queue = peer.newQueue();
    try {
      queue.add("ns/a");
      queue.add("ns/b");
      queue.add("ns/a");
      assertThat(queue.get()).isEqualTo("ns/a");
      queue.done("ns/a");
      assertThat(queue.get()).isEqualTo("ns/b");
      queue.add("ns/b");
      queue.done("ns/b");
      assertThat(queue.get()).isEqualTo("ns/b");
      queue.done("ns/b");
    } finally {
      queue.shutDown();
    }
  }

  @ParameterizedTest
  @EnumSource(WorkQueuePeer.class)
  void benchmark_cycles_returnTheKeysAdded(WorkQueuePeer peer) throws InterruptedException {
    WorkQueueBenchmark benchmark = new WorkQueueBenchmark();
    benchmark.peer = peer;
    benchmark.setUp();
    WorkQueueBenchmark.Keys keys = new WorkQueueBenchmark.Keys();
    keys.setUp();
    try {
      String first = benchmark.oneThread(keys);
      assertThat(first).endsWith("/pod-0");
      for (int i = 1; i < 2_000; i++) {
        assertThat(benchmark.oneThread(keys)).endsWith("/pod-" + (i % 1024));
      }
    } finally {
      benchmark.tearDown();
    }
  }
}
