package dev.kubeclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InterningDeserializersTest {
  @Test
  void dedupe_equalStrings_returnsOneInstance() {
    String a = new String("kube-system-dedupe-test");
    String b = new String("kube-system-dedupe-test");
    assertThat(InterningDeserializers.dedupe(a)).isSameAs(a);
    assertThat(InterningDeserializers.dedupe(b)).isSameAs(a);
  }

  @Test
  void dedupe_manyThreadsManyValues_alwaysReturnsAnEqualString() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        results.add(
            pool.submit(
                () -> {
                  int wrong = 0;
                  for (int i = 0; i < 200_000; i++) {
                    // More distinct values than slots, so threads overwrite each other's entries.
                    String s = "v" + ((i * 31 + seed) % 50_000);
                    if (!InterningDeserializers.dedupe(s).equals(s)) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
