package dev.kubeclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StringsTest {
  @Test
  void dedupe_equalStrings_returnsOneInstance() {
    String a = new String("kube-system-dedupe-test");
    String b = new String("kube-system-dedupe-test");
    assertThat(Strings.dedupe(a)).isSameAs(a);
    assertThat(Strings.dedupe(b)).isSameAs(a);
  }

  @Test
  void dedupe_chars_findsTheStringAndCopiesOnlyOnAMiss() {
    String a = new String("chars-dedupe-test");
    assertThat(Strings.dedupe(a)).isSameAs(a);
    char[] buffer = "xxchars-dedupe-testyy".toCharArray();
    assertThat(Strings.dedupe(buffer, 2, a.length())).isSameAs(a);

    char[] other = "xxchars-dedupe-tesTyy".toCharArray();
    String miss = Strings.dedupe(other, 2, a.length());
    assertThat(miss).isEqualTo("chars-dedupe-tesT").isNotSameAs(a);
    assertThat(Strings.dedupe(new String("chars-dedupe-tesT"))).isSameAs(miss);
  }

  @Test
  void dedupe_chars_nonLatinAndEmpty_areEqualToTheirSource() {
    char[] text = "名前-ü-ö".toCharArray();
    assertThat(Strings.dedupe(text, 0, text.length)).isEqualTo("名前-ü-ö");
    assertThat(Strings.dedupe(text, 1, 0)).isEmpty();
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
                    String viaChars = Strings.dedupe(s.toCharArray(), 0, s.length());
                    if (!Strings.dedupe(s).equals(s) || !viaChars.equals(s)) {
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
