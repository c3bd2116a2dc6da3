package dev.kubeclient.core.meta.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeclient.core.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectMetaTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void getters_absentCollections_areEmptyAndImmutableWhileFieldStaysAbsent() throws Exception {
    ObjectMeta meta = new ObjectMeta();
    assertThat(meta.getLabels()).isEmpty();
    assertThat(meta.getFinalizers()).isEmpty();
    assertThatThrownBy(() -> meta.getLabels().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(mapper.writeValueAsString(meta)).isEqualTo("{}");
  }

  @Test
  void fluentHelpers_createCollectionsOnDemand() throws Exception {
    ObjectMeta meta = new ObjectMeta().name("web").putInLabels("app", "web").addToFinalizers("f1");
    assertThat(mapper.writeValueAsString(meta))
        .isEqualTo("{\"finalizers\":[\"f1\"],\"labels\":{\"app\":\"web\"},\"name\":\"web\"}");
  }

  @Test
  void decode_unknownFieldsAtDepth_surviveRoundTrip() throws Exception {
    String json =
        "{\"name\":\"n\",\"futureField\":{\"x\":[1,2.5,\"s\"]},"
            + "\"ownerReferences\":[{\"uid\":\"u\",\"newer\":true}],"
            + "\"managedFields\":[{\"manager\":\"m\",\"fieldsV1\":{\"f:spec\":{}}}]}";
    ObjectMeta meta = mapper.readValue(json, ObjectMeta.class);
    assertThat(meta.getUnknownFields()).containsOnlyKeys("futureField");
    assertThat(meta.getOwnerReferences().get(0).getUnknownFields()).containsEntry("newer", true);
    assertThat(mapper.readTree(mapper.writeValueAsString(meta))).isEqualTo(mapper.readTree(json));
  }

  @Test
  void unknownHolder_isAbsentWhenNoUnknownFields() throws Exception {
    ObjectMeta meta = mapper.readValue("{\"name\":\"n\"}", ObjectMeta.class);
    assertThat(meta.getUnknownFields()).isEmpty();
    assertThat(meta.toString()).doesNotContain("unknownFields");
  }

  @Test
  void deepCopy_isEqualAndIndependent() throws Exception {
    ObjectMeta meta =
        mapper.readValue(
            "{\"name\":\"n\",\"labels\":{\"a\":\"b\"},\"extra\":{\"k\":[1]},"
                + "\"creationTimestamp\":\"2008-01-01T01:01:01Z\","
                + "\"ownerReferences\":[{\"uid\":\"u\"}]}",
            ObjectMeta.class);
    ObjectMeta copy = meta.deepCopy();
    assertThat(copy).isEqualTo(meta).hasSameHashCodeAs(meta);
    copy.putInLabels("c", "d");
    copy.getOwnerReferences().get(0).setUid("other");
    assertThat(meta.getLabels()).containsOnlyKeys("a");
    assertThat(meta.getOwnerReferences().get(0).getUid()).isEqualTo("u");
    assertThat(copy).isNotEqualTo(meta);
    assertThat(copy.getCreationTimestamp()).isEqualTo(Time.parse("2008-01-01T01:01:01Z"));
  }

  @Test
  void deepCopy_unknownNestedJson_isNotShared() throws Exception {
    ObjectMeta meta = mapper.readValue("{\"extra\":{\"k\":[1]}}", ObjectMeta.class);
    ObjectMeta copy = meta.deepCopy();
    @SuppressWarnings("unchecked")
    List<Object> list =
        (List<Object>)
            ((java.util.Map<String, Object>) copy.getUnknownFields().get("extra")).get("k");
    list.add(2);
    JsonNode original = mapper.valueToTree(meta);
    assertThat(original.path("extra").path("k").size()).isEqualTo(1);
  }

  @Test
  void status_decodesApiErrorBody() throws Exception {
    Status status =
        mapper.readValue(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"reason\":\"NotFound\",\"code\":404,"
                + "\"details\":{\"name\":\"x\",\"kind\":\"pods\","
                + "\"causes\":[{\"field\":\"spec\"}]}}",
            Status.class);
    assertThat(status.getCode()).isEqualTo(404);
    assertThat(status.getDetails().getCauses().get(0).getField()).isEqualTo("spec");
    assertThat(new Status().getKind()).isEqualTo("Status");
    assertThat(new Status().getApiVersion()).isEqualTo("v1");
  }

  @Test
  void defaultScheme_findsMetaKindsThroughServiceLoader() {
    assertThat(dev.kubeclient.core.runtime.Scheme.defaultScheme().lookup("v1", "Status"))
        .isEqualTo(Status.class);
  }

  @Test
  void decode_repeatedLabelsAndNamespaces_shareOneStringInstance() throws Exception {
    String json = "{\"namespace\":\"team-a\",\"labels\":{\"app\":\"web\"},\"name\":\"%s\"}";
    ObjectMeta a = mapper.readValue(String.format(json, "a"), ObjectMeta.class);
    ObjectMeta b = mapper.readValue(String.format(json, "b"), ObjectMeta.class);
    assertThat(b.getNamespace()).isSameAs(a.getNamespace());
    String keyA = a.getLabels().keySet().iterator().next();
    String keyB = b.getLabels().keySet().iterator().next();
    assertThat(keyB).isSameAs(keyA);
    assertThat(b.getLabels().get("app")).isSameAs(a.getLabels().get("app"));
    assertThat(b.getName()).isEqualTo("b");
  }
}
