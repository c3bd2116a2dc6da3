package dev.kubeclient.core.unstructured;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.codec.Codec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnstructuredTest {

  private static final String JSON =
      "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\","
          + "\"namespace\":\"ns\",\"labels\":{\"a\":\"b\"},\"resourceVersion\":\"7\"},"
          + "\"spec\":{\"items\":[1,{\"x\":null}],\"future\":true}}";

  @Test
  void json_roundTrip_keepsEveryField() {
    Unstructured u = Codec.decode(JSON, Unstructured.class);
    assertThat(Codec.encodeToString(u)).isEqualTo(JSON);
    assertThat(u.getGroupVersionKind())
        .isEqualTo(new GroupVersionKind("example.com", "v1", "Widget"));
    assertThat(u.getResourceVersion()).isEqualTo("7");
    assertThat(u.getMetadata().getName()).isEqualTo("w");
    assertThat(u.getMetadata().getLabels()).isEqualTo(Map.of("a", "b"));
  }

  @Test
  void setters_createMetadataWhenAbsent() {
    Unstructured u =
        new Unstructured().setApiVersion("v1").setKind("ConfigMap").setName("c").setNamespace("n");
    assertThat(Codec.encodeToString(u))
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\",\"namespace\":\"n\"}}");
  }

  @Test
  void deepCopy_isIndependent() {
    Unstructured u = Codec.decode(JSON, Unstructured.class);
    Unstructured copy = u.deepCopy();
    assertThat(copy).isEqualTo(u);
    @SuppressWarnings("unchecked")
    List<Object> items = (List<Object>) copy.get("spec", "items");
    items.add(3);
    copy.setName("other");
    assertThat(u.getName()).isEqualTo("w");
    assertThat((List<?>) u.get("spec", "items")).hasSize(2);
  }

  @Test
  void toString_hidesContent() {
    Unstructured secret =
        new Unstructured(
            new java.util.LinkedHashMap<>(
                Map.of("apiVersion", "v1", "kind", "Secret", "data", Map.of("token", "c2VjcmV0"))));
    secret.setName("s");
    assertThat(secret.toString()).isEqualTo("Unstructured{v1 Secret s}").doesNotContain("c2VjcmV0");
  }

  @Test
  void get_missingOrNonMapStep_isNull() {
    Unstructured u = Codec.decode(JSON, Unstructured.class);
    assertThat(u.get("spec", "nothing", "deeper")).isNull();
    assertThat(u.get("kind", "x")).isNull();
    assertThat(new Unstructured().getMetadata()).isNull();
    assertThat(new Unstructured().getLabels()).isEmpty();
  }
}
