package dev.kubeclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrayMapTest {

  @Test
  void randomOperations_behaveExactlyLikeALinkedHashMap() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      ArrayMap<Integer> map = new ArrayMap<>();
      Map<String, Integer> expected = new LinkedHashMap<>();
      for (int op = 0; op < 300; op++) {
        String key = random.nextInt(10) == 0 ? null : "k" + random.nextInt(24);
        Integer value = random.nextInt(8) == 0 ? null : random.nextInt(100);
        switch (random.nextInt(6)) {
          case 0, 1, 2 -> assertThat(map.put(key, value)).isEqualTo(expected.put(key, value));
          case 3 -> assertThat(map.remove(key)).isEqualTo(expected.remove(key));
          case 4 -> {
            Iterator<Map.Entry<String, Integer>> it = map.entrySet().iterator();
            Iterator<Map.Entry<String, Integer>> ex = expected.entrySet().iterator();
            while (it.hasNext()) {
              Map.Entry<String, Integer> e = it.next();
              assertThat(e).isEqualTo(ex.next());
              if (e.getValue() != null && e.getValue() % 3 == 0) {
                it.remove();
                ex.remove();
              }
            }
          }
          default -> {
            assertThat(map.get(key)).isEqualTo(expected.get(key));
            assertThat(map.containsKey(key)).isEqualTo(expected.containsKey(key));
          }
        }
        assertThat(map).isEqualTo(expected);
        assertThat(map.hashCode()).isEqualTo(expected.hashCode());
        assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        assertThat(map.size()).isEqualTo(expected.size());
      }
    }
  }

  @Test
  void fromPairs_repeatedKey_keepsFirstPositionAndLastValue() {
    Object[] pairs = {"a", 1, "b", 2, "a", 3, "spare", 9};
    ArrayMap<Integer> map = ArrayMap.fromPairs(pairs, 6);
    assertThat(new ArrayList<>(map.entrySet()))
        .containsExactly(Map.entry("a", 3), Map.entry("b", 2));
  }

  @Test
  void entrySetValue_writesThrough_andClearEmpties() {
    ArrayMap<String> map = new ArrayMap<>(2);
    map.put("x", "1");
    map.put("y", "2");
    map.entrySet().iterator().next().setValue("changed");
    assertThat(map).containsExactly(Map.entry("x", "changed"), Map.entry("y", "2"));
    assertThat(map.toString()).isEqualTo("{x=changed, y=2}");
    map.clear();
    assertThat(map).isEmpty();
    map.put("z", "3");
    assertThat(map).containsOnlyKeys("z");
  }

  @Test
  void iterator_misuse_failsFast() {
    ArrayMap<String> map = new ArrayMap<>();
    map.put("a", "1");
    map.put("b", "2");
    Iterator<Map.Entry<String, String>> it = map.entrySet().iterator();
    assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
    it.next();
    map.put("c", "3");
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
    Iterator<Map.Entry<String, String>> done = new ArrayMap<String>().entrySet().iterator();
    assertThatThrownBy(done::next).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void growingPastTheDecoderLimit_stillWorks() {
    ArrayMap<Integer> map = new ArrayMap<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add("key-" + i);
      map.put("key-" + i, i);
    }
    assertThat(new ArrayList<>(map.keySet())).isEqualTo(keys);
    assertThat(map.get("key-99")).isEqualTo(99);
  }
}
