package dev.kubeclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.codec.Codec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FieldSetsTest {
  /** A pod's set as the controller manager writes it, with keys of every kind. */
  private static final String POD_SET =
      "{\"f:metadata\":{\"f:generateName\":{},\"f:labels\":{\".\":{},\"f:app\":{},"
          + "\"f:pod-template-hash\":{}},\"f:ownerReferences\":{\".\":{},"
          + "\"k:{\\\"uid\\\":\\\"c98856fc-b384-6174-d63e-a74092eb7c99\\\"}\":{}}},"
          + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"api\\\"}\":{\".\":{},"
          + "\"f:image\":{},\"f:ports\":{\".\":{},\"k:{\\\"containerPort\\\":8080,"
          + "\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:name\":{}}}}},\"f:dnsPolicy\":{},"
          + "\"f:volumes\":{\"k:{\\\"name\\\":\\\"kube-api-access-gms79\\\"}\":{\".\":{}}}}}";

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] pack(FieldSets.Table table, String json) {
    byte[] b = bytes(json);
    assertThat(FieldSets.compactObjectEnd(b, 1, b.length)).as(json).isEqualTo(b.length);
    return FieldSets.pack(table, b, 0, b.length);
  }

  @Test
  void pack_podSet_givesTheTextBack_inAThirdOfItsSize() {
    FieldSets.Table table = new FieldSets.Table(64);
    byte[] first = pack(table, POD_SET);
    byte[] again = pack(table, POD_SET);
    assertThat(first[0]).isEqualTo(FieldSets.PACKED);
    assertThat(FieldSets.text(table, first)).isEqualTo(POD_SET);
    assertThat(again).isEqualTo(first);
    assertThat(first.length).isLessThan(POD_SET.length() / 3);
  }

  @Test
  void pack_randomSets_giveTheirTextBack() {
    SplittableRandom random = new SplittableRandom(7);
    FieldSets.Table table = new FieldSets.Table(256);
    for (int n = 0; n < 2_000; n++) {
      String json = randomSet(random, 0);
      byte[] packed = pack(table, json);
      assertThat(FieldSets.text(table, packed)).isEqualTo(json);
      assertThat(FieldSets.text(table, FieldSets.packed(table, FieldSets.of(json))))
          .isEqualTo(json);
      assertThat(packed.length).isLessThanOrEqualTo(json.length());
    }
  }

  @Test
  void pack_tableFull_keepsNewKeysInline_andPacksEveryKeyAlwaysTheSameWay() {
    FieldSets.Table table = new FieldSets.Table(3);
    String early = "{\"f:a\":{\"f:b\":{}},\"k:{\\\"name\\\":\\\"x\\\"}\":{}}";
    byte[] earlyPacked = pack(table, early);
    // f:a, f:b and k:{"name": took the three ids; these keys find the table full.
    String late = "{\"f:a\":{},\"f:c\":{\"f:d\":{\".\":{}}},\"f:" + "x".repeat(200) + "\":{}}";
    byte[] latePacked = pack(table, late);
    assertThat(FieldSets.text(table, latePacked)).isEqualTo(late);
    assertThat(pack(table, late)).isEqualTo(latePacked);
    assertThat(pack(table, early)).isEqualTo(earlyPacked);
    assertThat(FieldSets.text(table, earlyPacked)).isEqualTo(early);
  }

  @Test
  void of_textThatIsNotCompact_isKeptAsText_andNeverPacked() {
    for (String json :
        List.of(
            "{\"f:a\":[1,2]}",
            "{\"f:ü\":{}}",
            "{\"f:a\":{}, \"f:b\":{}}",
            "{\"f:a\":1}",
            "{\"f:\\n\":{}}")) {
      byte[] kept = FieldSets.of(json);
      assertThat(kept[0]).as(json).isEqualTo(FieldSets.TEXT);
      assertThat(FieldSets.text(kept)).as(json).isEqualTo(json);
      assertThat(FieldSets.packed(kept)).as(json).isSameAs(kept);
    }
    byte[] empty = FieldSets.packed(FieldSets.of("{}"));
    assertThat(empty[0]).isEqualTo(FieldSets.PACKED);
    assertThat(FieldSets.text(empty)).isEqualTo("{}");
  }

  @Test
  void pack_manyThreadsMeetingNewKeysAtOnce_agreeOnEveryPacking() throws Exception {
    FieldSets.Table table = new FieldSets.Table(1 << 12);
    List<String> sets = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 300; i++) {
      sets.add(randomSet(random, 0));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<byte[]>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t * 37;
        results.add(
            pool.submit(
                () -> {
                  List<byte[]> packed = new ArrayList<>();
                  for (int i = 0; i < sets.size(); i++) {
                    packed.add(null);
                  }
                  // Each thread starts elsewhere, so that threads add keys in different orders.
                  for (int i = 0; i < sets.size(); i++) {
                    int k = (i + offset) % sets.size();
                    packed.set(k, pack(table, sets.get(k)));
                  }
                  return packed;
                }));
      }
      List<byte[]> first = results.get(0).get(30, TimeUnit.SECONDS);
      for (Future<List<byte[]>> f : results) {
        List<byte[]> other = f.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < sets.size(); i++) {
          assertThat(other.get(i)).isEqualTo(first.get(i));
          assertThat(FieldSets.text(table, other.get(i))).isEqualTo(sets.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sharedTable_textIsWhatJacksonWritesOfTheSet() throws Exception {
    byte[] text = FieldSets.of(POD_SET);
    assertThat(text[0]).isEqualTo(FieldSets.COMPACT);
    assertThat(FieldSets.text(FieldSets.packed(text)))
        .isEqualTo(Codec.json().readTree(POD_SET).toString());
  }

  /** A compact set: nested objects, keys of f:, k:, v:, i: and other kinds, some with escapes. */
  private static String randomSet(SplittableRandom random, int depth) {
    StringBuilder b = new StringBuilder("{");
    int entries = depth > 3 ? 0 : random.nextInt(depth == 0 ? 1 : 0, 5);
    for (int i = 0; i < entries; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(randomKey(random)).append("\":");
      b.append(random.nextInt(3) == 0 ? randomSet(random, depth + 1) : "{}");
    }
    return b.append('}').toString();
  }

  private static String randomKey(SplittableRandom random) {
    String[] common = {"f:metadata", "f:spec", ".", "f:image", "i:0", "f:a.b/c", ""};
    return switch (random.nextInt(6)) {
      case 0, 1 -> common[random.nextInt(common.length)];
      case 2 -> "k:{\\\"name\\\":\\\"n" + random.nextInt(50) + "\\\"}";
      case 3 -> "v:\\\"" + "q\\\\".repeat(random.nextInt(3)) + random.nextInt(1000) + "\\\"";
      case 4 -> "f:" + "long".repeat(random.nextInt(30));
      default -> "k:{\\\"port\\\":" + random.nextInt(100) + ",\\\"p\\\":\\\"TCP\\\"}";
    };
  }
}
