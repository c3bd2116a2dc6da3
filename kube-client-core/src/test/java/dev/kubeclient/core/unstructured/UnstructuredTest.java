package dev.kubeclient.core.unstructured;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.Time;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.ManagedFieldsEntry;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.meta.v1.OwnerReference;
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

  /** Scenario of apimachinery's {@code TestUnstructuredMetadataRoundTrip}. */
  @Test
  void metadataAccessors_roundTripEveryField() {
    Unstructured u = new Unstructured().setApiVersion("apps/v1").setKind("Deployment");
    u.setName("web")
        .setNamespace("prod")
        .setGenerateName("web-")
        .setUid("u-1")
        .setResourceVersion("9")
        .setGeneration(3)
        .setCreationTimestamp(Time.parse("2024-01-02T03:04:05Z"))
        .setDeletionTimestamp(Time.parse("2024-01-03T03:04:05Z"))
        .setDeletionGracePeriodSeconds(30L)
        .setLabels(Map.of("app", "web"))
        .setAnnotations(Map.of("note", "x"))
        .setFinalizers(List.of("example.com/f"))
        .setOwnerReferences(
            List.of(
                new OwnerReference()
                    .apiVersion("v1")
                    .kind("ConfigMap")
                    .name("owner")
                    .uid("u-0")
                    .controller(true)))
        .setManagedFields(List.of(new ManagedFieldsEntry().manager("kubectl").operation("Apply")));
    assertThat(u.getName()).isEqualTo("web");
    assertThat(u.getNamespace()).isEqualTo("prod");
    assertThat(u.getGenerateName()).isEqualTo("web-");
    assertThat(u.getUid()).isEqualTo("u-1");
    assertThat(u.getResourceVersion()).isEqualTo("9");
    assertThat(u.getGeneration()).isEqualTo(3);
    assertThat(u.getCreationTimestamp()).isEqualTo(Time.parse("2024-01-02T03:04:05Z"));
    assertThat(u.getDeletionTimestamp()).isEqualTo(Time.parse("2024-01-03T03:04:05Z"));
    assertThat(u.getDeletionGracePeriodSeconds()).isEqualTo(30L);
    assertThat(u.getLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(u.getAnnotations()).isEqualTo(Map.of("note", "x"));
    assertThat(u.getFinalizers()).containsExactly("example.com/f");
    assertThat(u.getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getName()).isEqualTo("owner");
              assertThat(o.getController()).isTrue();
            });
    assertThat(u.getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactly("kubectl");
    ObjectMeta meta = u.getMetadata();
    assertThat(meta.getUid()).isEqualTo("u-1");
    assertThat(meta.getOwnerReferences()).hasSize(1);
    assertThat(u.getNestedString("metadata", "creationTimestamp")).contains("2024-01-02T03:04:05Z");
  }

  /** Scenario of apimachinery's {@code TestUnstructuredMetadataOmitempty}. */
  @Test
  void metadataSetters_nullOrEmpty_removeTheField() {
    Unstructured u = new Unstructured().setName("n").setLabels(Map.of("a", "b")).setGeneration(2);
    u.setLabels(Map.of()).setGeneration(0).setName("").setFinalizers(null).setOwnerReferences(null);
    assertThat(u.getObject()).isEqualTo(Map.of("metadata", Map.of()));
    assertThat(new Unstructured().setNamespace(null).getObject()).isEmpty();
    assertThat(new Unstructured().getOwnerReferences()).isEmpty();
    assertThat(new Unstructured().getGeneration()).isZero();
  }

  @Test
  void metadataGetters_malformedValues_readAsAbsent() {
    Unstructured u =
        Codec.decode(
            "{\"metadata\":{\"name\":3,\"creationTimestamp\":\"yesterday\","
                + "\"ownerReferences\":[{\"name\":[1]}],\"finalizers\":[\"a\",2],"
                + "\"generation\":\"x\"}}",
            Unstructured.class);
    assertThat(u.getName()).isNull();
    assertThat(u.getCreationTimestamp()).isNull();
    assertThat(u.getOwnerReferences()).isEmpty();
    assertThat(u.getFinalizers()).containsExactly("a");
    assertThat(u.getGeneration()).isZero();
  }

  @Test
  void groupVersionKind_setAndRead() {
    Unstructured u = new Unstructured().setGroupVersionKind(new GroupVersionKind("", "v1", "Pod"));
    assertThat(u.getApiVersion()).isEqualTo("v1");
    assertThat(u.getKind()).isEqualTo("Pod");
    assertThat(u.getGroupVersionKind()).isEqualTo(GroupVersionKind.of("v1", "Pod"));
  }
}
