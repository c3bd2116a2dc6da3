package dev.kubeclient.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import org.junit.jupiter.api.Test;

class ManagedFieldsTest {
  private static final String LIVE =
      """
      {"apiVersion":"apps/v1","kind":"Deployment",
       "metadata":{"name":"web","namespace":"prod","labels":{"team":"a","tier":"b"},
        "managedFields":[
         {"manager":"ctrl","operation":"Apply","apiVersion":"apps/v1","fieldsType":"FieldsV1",
          "fieldsV1":{"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{
            "k:{\\"name\\":\\"web\\"}":{".":{},"f:name":{},"f:image":{}}}}}}}},
         {"manager":"other","operation":"Apply","apiVersion":"apps/v1","fieldsType":"FieldsV1",
          "fieldsV1":{"f:metadata":{"f:labels":{"f:tier":{}}}}},
         {"manager":"ctrl","operation":"Update","apiVersion":"apps/v1","fieldsType":"FieldsV1",
          "fieldsV1":{"f:metadata":{"f:labels":{"f:team":{}}}}}]},
       "spec":{"replicas":3,"paused":true,"template":{"spec":{"containers":[
        {"name":"web","image":"nginx:1.25","args":["-v"]},
        {"name":"sidecar","image":"envoy"}]}}}}
      """;

  private static Deployment live(String json) throws Exception {
    return Codec.json().readValue(json, Deployment.class);
  }

  @Test
  void extract_appliedFields_keepsOnlyThoseAndIdentity() throws Exception {
    Deployment mine = ManagedFields.extract(live(LIVE), "ctrl");
    assertThat(mine.getApiVersion()).isEqualTo("apps/v1");
    assertThat(mine.getKind()).isEqualTo("Deployment");
    assertThat(mine.getMetadata().getName()).isEqualTo("web");
    assertThat(mine.getMetadata().getNamespace()).isEqualTo("prod");
    assertThat(mine.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(mine.getSpec().getReplicas()).isEqualTo(3);
    assertThat(mine.getSpec().getPaused()).isNull();
    var containers = mine.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).hasSize(1);
    assertThat(containers.get(0).getName()).isEqualTo("web");
    assertThat(containers.get(0).getImage()).isEqualTo("nginx:1.25");
    assertThat(containers.get(0).getArgs()).isNullOrEmpty();
  }

  @Test
  void extract_otherManager_getsOnlyItsLabel() throws Exception {
    Deployment theirs = ManagedFields.extract(live(LIVE), "other");
    assertThat(theirs.getMetadata().getLabels()).containsExactly(java.util.Map.entry("tier", "b"));
    assertThat(theirs.getSpec()).isNull();
  }

  @Test
  void extract_unknownManager_returnsIdentityOnly() throws Exception {
    Deployment none = ManagedFields.extract(live(LIVE), "nobody");
    assertThat(none.getMetadata().getName()).isEqualTo("web");
    assertThat(none.getSpec()).isNull();
  }

  @Test
  void extract_malformedKey_namesTheKey() throws Exception {
    String bad = LIVE.replace("k:{\\\"name\\\":\\\"web\\\"}", "k:{broken");
    assertThatThrownBy(() -> ManagedFields.extract(live(bad), "ctrl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k:{broken");
  }
}
