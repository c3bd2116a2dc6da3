package dev.kubeclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated model readers, through core's own generated models. */
class ModelReadersTest {

  @Test
  void decode_repeatedValuesAcrossObjects_shareOneString_uniqueOnesDoNot() {
    String json = "{\"name\":\"%s\",\"namespace\":\"%s\",\"labels\":{\"app\":\"%s\"}}";
    ObjectMeta a = Codec.decode(json.formatted("pod-a", "shared-ns", "web"), ObjectMeta.class);
    ObjectMeta b = Codec.decode(json.formatted("pod-a", "shared-ns", "web"), ObjectMeta.class);
    assertThat(b.getNamespace()).isSameAs(a.getNamespace());
    assertThat(b.getLabels().get("app")).isSameAs(a.getLabels().get("app"));
    assertThat(b.getName()).isEqualTo(a.getName()).isNotSameAs(a.getName());
  }

  @Test
  void decode_smallMap_isCompact_largeMapHashes_bothKeepOrder() {
    StringBuilder big = new StringBuilder("{");
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 40; i > 0; i--) {
      big.append(i == 40 ? "" : ",").append("\"k").append(i).append("\":\"v").append(i).append('"');
      expected.put("k" + i, "v" + i);
    }
    ObjectMeta meta =
        Codec.decode(
            "{\"labels\":{\"b\":\"1\",\"a\":\"2\"},\"annotations\":" + big + "}}",
            ObjectMeta.class);
    assertThat(meta.getLabels()).isInstanceOf(ArrayMap.class);
    assertThat(meta.getLabels()).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"));
    assertThat(meta.getAnnotations()).isInstanceOf(LinkedHashMap.class);
    assertThat(meta.getAnnotations()).containsExactlyEntriesOf(expected);
  }

  @Test
  void decode_nullsAndEmpties_stayDistinct() {
    ObjectMeta meta =
        Codec.decode(
            "{\"name\":null,\"labels\":{},\"finalizers\":[],\"annotations\":null,"
                + "\"ownerReferences\":[null]}",
            ObjectMeta.class);
    assertThat(Codec.encodeToString(meta))
        .isEqualTo("{\"finalizers\":[],\"labels\":{},\"ownerReferences\":[null]}");
  }

  @Test
  void decode_coercibleScalars_areCoercedAsJacksonDoes() {
    ObjectMeta meta =
        Codec.decode("{\"generation\":\"7\",\"name\":12,\"labels\":{\"n\":3}}", ObjectMeta.class);
    assertThat(meta.getGeneration()).isEqualTo(7L);
    assertThat(meta.getName()).isEqualTo("12");
    assertThat(meta.getLabels()).containsEntry("n", "3");
  }

  @Test
  void decode_wrongShapes_nameTheFieldPathAndWhatWasFound() {
    assertThatThrownBy(() -> Codec.decode("{\"labels\":[1]}", ObjectMeta.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("at field labels")
        .hasMessageContaining("expected a JSON object, got START_ARRAY");
    assertThatThrownBy(() -> Codec.decode("{\"finalizers\":{\"a\":1}}", ObjectMeta.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("at field finalizers")
        .hasMessageContaining("expected a JSON array, got START_OBJECT");
    assertThatThrownBy(() -> Codec.decode("{\"ownerReferences\":[{},\"x\"]}", ObjectMeta.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("at field ownerReferences[1]")
        .hasMessageContaining("expected a JSON object for OwnerReference, got VALUE_STRING");
    assertThatThrownBy(() -> Codec.decode("{\"labels\":{\"x\":{}}}", ObjectMeta.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("at field labels.x");
    assertThatThrownBy(() -> Codec.decode("{\"generation\":1.5e400}", ObjectMeta.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("at field generation");
    assertThatThrownBy(() -> Codec.decode("[]", ObjectMeta.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("expected a JSON object for ObjectMeta, got START_ARRAY");
  }

  @Test
  void decode_truncatedInput_isAParseErrorWithALocation() {
    assertThatThrownBy(() -> Codec.decode("{\"finalizers\":[\"a\",", ObjectMeta.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void decode_yamlAndTreeConversion_useTheSameReaders() {
    ObjectMeta fromYaml =
        Codec.decodeYaml(
            "name: web\nlabels:\n  app: web\nfinalizers: [a, b]\ngeneration: 3\n",
            ObjectMeta.class);
    assertThat(fromYaml.getLabels()).containsExactly(Map.entry("app", "web"));
    assertThat(fromYaml.getFinalizers()).containsExactly("a", "b");
    assertThat(fromYaml.getGeneration()).isEqualTo(3L);
    ObjectMeta converted =
        Codec.json().convertValue(Map.of("name", "web", "generation", 3), ObjectMeta.class);
    assertThat(converted.getName()).isEqualTo("web");
    assertThat(converted.getGeneration()).isEqualTo(3L);
  }

  @Test
  void decode_listsOfEveryLength_keepOrderAndReportTheBadIndex() {
    for (int size = 0; size <= 9; size++) {
      StringBuilder json = new StringBuilder("{\"finalizers\":[");
      for (int i = 0; i < size; i++) {
        json.append(i == 0 ? "" : ",").append(i == 2 ? "null" : "\"f" + i + "\"");
      }
      ObjectMeta meta = Codec.decode(json.append("]}").toString(), ObjectMeta.class);
      assertThat(meta.getFinalizers()).hasSize(size);
      for (int i = 0; i < size; i++) {
        assertThat(meta.getFinalizers().get(i)).isEqualTo(i == 2 ? null : "f" + i);
      }
    }
    for (int bad : new int[] {0, 3, 4, 6}) {
      StringBuilder json = new StringBuilder("{\"finalizers\":[");
      for (int i = 0; i <= bad; i++) {
        json.append(i == 0 ? "" : ",").append(i == bad ? "{}" : "\"ok\"");
      }
      String text = json.append("]}").toString();
      assertThatThrownBy(() -> Codec.decode(text, ObjectMeta.class))
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("at field finalizers[" + bad + "]");
    }
  }

  @Test
  void readMap_fromAnEnteredOrEndedObject_readsWhatIsLeft() throws Exception {
    try (com.fasterxml.jackson.core.JsonParser p =
        Codec.json().createParser("{\"outer\":{\"a\":\"1\"},\"empty\":{}}")) {
      com.fasterxml.jackson.databind.DeserializationContext ctxt =
          Codec.json().getDeserializationContext();
      p.nextToken(); // {
      p.nextToken(); // "outer"
      p.nextToken(); // {
      p.nextToken(); // "a"
      assertThat(ModelReaders.map(p, ctxt, ModelReaders::string))
          .containsExactly(Map.entry("a", "1"));
      p.nextToken(); // "empty"
      p.nextToken(); // {
      p.nextToken(); // }
      assertThat(ModelReaders.map(p, ctxt, ModelReaders::string)).isEmpty();
    }
  }

  @Test
  void boxed_equalValuesShareABox_andCollidingSlotsKeepTheirValues() {
    assertThat(ModelReaders.boxed(8080)).isSameAs(ModelReaders.boxed(8080));
    assertThat(ModelReaders.boxed(65_534L)).isSameAs(ModelReaders.boxed(65_534L));
    for (int i = 0; i < 10; i++) {
      int v = 9090 + (i % 2) * 1024;
      assertThat(ModelReaders.boxed(v)).isEqualTo(v);
      assertThat(ModelReaders.boxed((long) -v)).isEqualTo(-v);
    }
  }
}
