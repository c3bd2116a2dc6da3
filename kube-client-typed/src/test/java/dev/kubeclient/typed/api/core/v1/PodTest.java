package dev.kubeclient.typed.api.core.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.Quantity;
import dev.kubeclient.core.Time;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.typed.api.JsonDiff;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTest {

  private static final String POD =
      """
      {"apiVersion":"v1","kind":"Pod",
       "metadata":{"name":"web","creationTimestamp":"2024-05-01T10:00:00Z"},
       "spec":{"containers":[{"name":"app","image":"nginx",
         "resources":{"limits":{"cpu":"500m","memory":"1Gi"},"requests":{"cpu":"250m"}},
         "futureContainerField":{"nested":[1,2.5,"x"]}}],
         "futureSpecField":true},
       "futureTopField":{"a":{"b":null}}}
      """;

  @Test
  void decode_resourcesAndTimestamp_mapToValueTypes() {
    Pod pod = Codec.decode(POD, Pod.class);

    Container c = pod.getSpec().getContainers().get(0);
    assertThat(c.getResources().getLimits())
        .containsEntry("cpu", Quantity.parse("500m"))
        .containsEntry("memory", Quantity.parse("1Gi"));
    assertThat(c.getResources().getLimits().get("memory").toBytes()).isEqualTo(1L << 30);
    assertThat(c.getResources().getRequests().get("cpu").toMillis()).isEqualTo(250);
    assertThat(pod.getMetadata().getCreationTimestamp())
        .isEqualTo(Time.parse("2024-05-01T10:00:00Z"));
  }

  @Test
  void roundTrip_unknownFieldsAtEveryDepth_areKept() throws Exception {
    Pod pod = Codec.decode(POD, Pod.class);

    JsonNode back = Codec.json().readTree(Codec.encode(pod));

    assertThat(JsonDiff.diff(Codec.json().readTree(POD), back)).isEmpty();
    assertThat(pod.getSpec().getContainers().get(0).getUnknownFields())
        .containsOnlyKeys("futureContainerField");
  }

  @Test
  void unknownFields_onObjectWithoutThem_areEmptyAndNotWritten() throws Exception {
    Pod pod = new Pod().metadata(m -> m.name("p"));

    assertThat(pod.getUnknownFields()).isEmpty();
    assertThat(Codec.encodeToString(pod))
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"}}");
  }

  @Test
  void newPod_absentFields_areNotSerializedAndCollectionsReadEmpty() throws Exception {
    Pod pod = new Pod();

    assertThat(Codec.json().readTree(Codec.encode(pod)).properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("apiVersion", "kind");
    assertThat(new PodSpec().getContainers()).isEmpty();
    assertThat(new Container().getEnv()).isEmpty();
    assertThat(Codec.encodeToString(new PodSpec())).isEqualTo("{}");
  }

  @Test
  void fluentEdit_nestedObjectsAbsent_areCreated() {
    Pod pod =
        new Pod()
            .metadata(m -> m.name("web").namespace("prod").putInLabels("app", "web"))
            .spec(s -> s.addToContainers(c -> c.name("app").image("nginx")));

    pod.spec(
        s -> s.getContainers().get(0).resources(r -> r.putInLimits("cpu", Quantity.parse("1"))));

    assertThat(pod.getMetadata().getLabels()).containsEntry("app", "web");
    assertThat(pod.getSpec().getContainers().get(0).getResources().getLimits())
        .containsEntry("cpu", Quantity.parse("1"));
  }

  @Test
  void deepCopy_thenEditCopy_leavesOriginal() {
    Pod pod = Codec.decode(POD, Pod.class);

    Pod copy = pod.deepCopy();
    copy.getSpec().getContainers().get(0).setImage("other");

    assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx");
    assertThat(copy).isNotEqualTo(pod);
  }

  @Test
  void decode_twoPods_shareQuantitiesAndRepeatedStrings() {
    Pod a = Codec.decode(POD, Pod.class);
    Pod b = Codec.decode(POD, Pod.class);
    Container ca = a.getSpec().getContainers().get(0);
    Container cb = b.getSpec().getContainers().get(0);
    assertThat(cb.getResources().getLimits().get("cpu"))
        .isSameAs(ca.getResources().getLimits().get("cpu"));
    assertThat(cb.getImage()).isSameAs(ca.getImage());
    assertThat(b.getApiVersion()).isSameAs(a.getApiVersion());
    // Sharing is of immutable values only: the models themselves are separate.
    cb.getResources().putInLimits("cpu", Quantity.parse("1"));
    assertThat(ca.getResources().getLimits().get("cpu")).isEqualTo(Quantity.parse("500m"));
  }

  @Test
  void decode_embeddedKind_getsNoDefaultApiVersionOrKind() {
    Pod pod = Codec.decode("{\"metadata\":{\"name\":\"x\"}}", Pod.class);
    assertThat(pod.getApiVersion()).isNull();
    assertThat(pod.getKind()).isNull();
    assertThat(new Pod().getKind()).isEqualTo("Pod");
  }
}
