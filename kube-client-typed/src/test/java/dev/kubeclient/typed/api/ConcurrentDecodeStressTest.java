package dev.kubeclient.typed.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.Quantity;
import dev.kubeclient.core.Time;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many threads decode many pods at once, through the process-wide tables that share strings and
 * quantities between decoded objects. Values are drawn from more distinct strings than the string
 * table has slots, so threads keep overwriting each other's entries; every decoded pod must still
 * equal the one decoded alone, and encode back to the same bytes.
 */
class ConcurrentDecodeStressTest {
  private static final int PODS = 200;
  private static final int THREADS = 8;
  private static final int DECODES_PER_THREAD = 4_000;

  @Test
  void decode_manyThreadsSharingTables_neverMixesUpValues() throws Exception {
    Random random = new Random(1234);
    byte[][] json = new byte[PODS][];
    Pod[] expected = new Pod[PODS];
    for (int i = 0; i < PODS; i++) {
      json[i] = Codec.encode(pod(random, i));
      expected[i] = Codec.decode(json[i], Pod.class);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        results.add(
            pool.submit(
                () -> {
                  Random r = new Random(seed);
                  int wrong = 0;
                  for (int n = 0; n < DECODES_PER_THREAD; n++) {
                    int i = r.nextInt(PODS);
                    Pod pod = Codec.decode(json[i], Pod.class);
                    if (!pod.equals(expected[i]) || !Arrays.equals(Codec.encode(pod), json[i])) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get(120, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Pod pod(Random random, int i) {
    String namespace = "ns-" + random.nextInt(30_000);
    return new Pod()
        .metadata(
            m ->
                m.name("pod-" + i)
                    .namespace(namespace)
                    .uid("uid-" + random.nextLong())
                    .creationTimestamp(Time.ofEpochSecond(1_700_000_000L + random.nextInt(1 << 20)))
                    .putInLabels("app", "app-" + random.nextInt(40_000))
                    .putInLabels("tier", random.nextBoolean() ? "web" : "db")
                    .putInAnnotations("note", "n" + random.nextInt(40_000)))
        .spec(
            s ->
                s.nodeName("node-" + random.nextInt(50_000))
                    .addToContainers(
                        c ->
                            c.name("c" + random.nextInt(3))
                                .image("registry/app:" + random.nextInt(20_000))
                                .resources(
                                    r ->
                                        r.putInRequests(
                                                "cpu", Quantity.parse(random.nextInt(4000) + "m"))
                                            .putInLimits(
                                                "memory",
                                                Quantity.parse(random.nextInt(64) + 1 + "Gi"))))
                    .addToContainers(c -> c.name("sidecar").image("proxy:1")));
  }
}
