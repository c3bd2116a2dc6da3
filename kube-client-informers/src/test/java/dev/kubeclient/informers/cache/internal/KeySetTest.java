package dev.kubeclient.informers.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeySetTest {

  @Test
  void randomOperations_matchHashSet() {
    for (int seed = 0; seed < 3; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      KeySet set = new KeySet(2);
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < 6_000; i++) {
        String key = "ns/pod-" + r.nextInt(300);
        if (r.nextInt(3) == 0) {
          assertThat(set.remove(key)).isEqualTo(expected.remove(key));
        } else {
          assertThat(set.add(key)).isEqualTo(expected.add(key));
        }
        if (i % 499 == 0) {
          assertThat(set.size()).isEqualTo(expected.size());
          assertThat(set.toList()).containsExactlyInAnyOrderElementsOf(expected);
          for (int k = 0; k < 300; k++) {
            String probe = "ns/pod-" + k;
            assertThat(set.contains(probe)).isEqualTo(expected.contains(probe));
          }
        }
      }
    }
  }

  @Test
  void removeAll_shrinksAndStaysUsable() {
    KeySet set = new KeySet(0);
    for (int i = 0; i < 1000; i++) {
      set.add("k" + i);
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(set.remove("k" + i)).isTrue();
    }
    assertThat(set.isEmpty()).isTrue();
    assertThat(set.add("again")).isTrue();
    assertThat(set.contains("again")).isTrue();
  }
}
