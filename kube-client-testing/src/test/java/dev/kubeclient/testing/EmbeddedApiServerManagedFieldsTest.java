package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code metadata.managedFields} of every write, as the API server's field manager records them: an
 * {@code Update} entry per manager, API version and subresource for creates, updates and patches,
 * with the manager from {@code fieldManager} or the User-Agent's program, and the rules for
 * managedFields a client sends.
 */
class EmbeddedApiServerManagedFieldsTest {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
  private static final String APPLY = "application/apply-patch+yaml";
  private static final String KUBECTL_UA = "kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).clock(clock).build().start();
    http = new TestHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TestHttp.Response send(
      String method, String path, String body, String contentType, String userAgent) {
    return http.send(method, path, body, contentType, Map.of("User-Agent", userAgent));
  }

  private static JsonNode entry(JsonNode object, String manager) {
    for (JsonNode e : object.path("metadata").path("managedFields")) {
      if (e.path("manager").asText().equals(manager)) {
        return e;
      }
    }
    throw new AssertionError("no managedFields entry of " + manager + " in " + object);
  }

  private static List<String> managers(JsonNode object) {
    List<String> names = new ArrayList<>();
    object
        .path("metadata")
        .path("managedFields")
        .forEach(
            e ->
                names.add(
                    e.path("manager").asText()
                        + "/"
                        + e.path("operation").asText()
                        + (e.has("subresource") ? "/" + e.path("subresource").asText() : "")));
    return names;
  }

  private JsonNode get(String path) {
    return http.get(path).body();
  }

  @Test
  void create_recordsUpdateEntryOfUserAgentProgram() {
    TestHttp.Response created =
        send(
            "POST",
            CMS,
            "{\"metadata\":{\"name\":\"c\",\"labels\":{\"app\":\"x\"}},\"data\":{\"k\":\"v\"}}",
            "application/json",
            "kubectl-create/v1.32.4 (linux/amd64) kubernetes/59526cd");

    assertThat(created.code()).isEqualTo(201);
    JsonNode entries = created.body().path("metadata").path("managedFields");
    assertThat(entries).hasSize(1);
    JsonNode e = entries.get(0);
    assertThat(e.path("manager").asText()).isEqualTo("kubectl-create");
    assertThat(e.path("operation").asText()).isEqualTo("Update");
    assertThat(e.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(e.path("time").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(e.path("fieldsType").asText()).isEqualTo("FieldsV1");
    assertThat(e.path("fieldsV1").toString())
        .isEqualTo(
            "{\"f:data\":{\".\":{},\"f:k\":{}},"
                + "\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}}}");
    assertThat(e.has("subresource")).isFalse();
  }

  @Test
  void create_fieldManagerParameter_winsOverUserAgent() {
    JsonNode created =
        send(
                "POST",
                CMS + "?fieldManager=my-controller",
                "{\"metadata\":{\"name\":\"c\"},\"data\":{\"k\":\"v\"}}",
                "application/json",
                KUBECTL_UA)
            .body();

    assertThat(managers(created)).containsExactly("my-controller/Update");
  }

  @Test
  void create_deployment_marksOnlyWhatTheCreateAdded() {
    JsonNode created =
        send(
                "POST",
                DEPLOYMENTS,
                "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\""
                    + ":{\"app\":\"d\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"d\"}},"
                    + "\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx\","
                    + "\"ports\":[{\"containerPort\":80}]}]}}}}",
                "application/json",
                KUBECTL_UA)
            .body();

    JsonNode spec = entry(created, "kubectl").path("fieldsV1").path("f:spec");
    // Struct fields the Go type always has (spec, template, its metadata and spec) get no ".".
    assertThat(spec.has(".")).isFalse();
    assertThat(spec.path("f:selector").isEmpty()).as("an atomic selector is one field").isTrue();
    JsonNode template = spec.path("f:template");
    assertThat(template.has(".")).isFalse();
    assertThat(template.path("f:metadata").has(".")).isFalse();
    assertThat(template.path("f:metadata").path("f:labels").has(".")).isTrue();
    JsonNode containers = template.path("f:spec").path("f:containers");
    assertThat(containers.has(".")).as("containers is never absent from a PodSpec").isFalse();
    JsonNode nginx = containers.path("k:{\"name\":\"nginx\"}");
    assertThat(nginx.has(".")).isTrue();
    assertThat(nginx.path("f:ports").has(".")).isTrue();
    assertThat(nginx.path("f:ports").has("k:{\"containerPort\":80,\"protocol\":\"TCP\"}"))
        .as("the protocol key defaults to TCP")
        .isTrue();
  }

  @Test
  void update_takesChangedFieldsAndMergesEntriesOfOneManager() {
    send(
        "POST",
        CMS,
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\",\"b\":\"1\"}}",
        "application/json",
        "creator/1.0");
    clock.advance(Duration.ofMinutes(1));
    JsonNode live = get(CMS + "/c");
    ((ObjectNode) live.path("data")).put("a", "2");
    JsonNode updated =
        send("PUT", CMS + "/c", live.toString(), "application/json", "editor/2").body();

    assertThat(entry(updated, "creator").path("fieldsV1").toString())
        .isEqualTo("{\"f:data\":{\".\":{},\"f:b\":{}}}");
    assertThat(entry(updated, "editor").path("fieldsV1").toString())
        .isEqualTo("{\"f:data\":{\"f:a\":{}}}");
    assertThat(entry(updated, "editor").path("time").asText()).isEqualTo("2026-03-01T10:01:00Z");
    assertThat(entry(updated, "creator").path("time").asText())
        .as("an entry's time moves only when its fields change")
        .isEqualTo("2026-03-01T10:00:00Z");

    clock.advance(Duration.ofMinutes(1));
    JsonNode again =
        send(
                "PATCH",
                CMS + "/c",
                "{\"data\":{\"c\":\"3\"}}",
                "application/merge-patch+json",
                "editor/2")
            .body();
    assertThat(managers(again)).containsExactly("creator/Update", "editor/Update");
    assertThat(entry(again, "editor").path("fieldsV1").toString())
        .isEqualTo("{\"f:data\":{\"f:a\":{},\"f:c\":{}}}");
    assertThat(entry(again, "editor").path("time").asText()).isEqualTo("2026-03-01T10:02:00Z");
  }

  @Test
  void create_withoutAnyOwnedField_isNotTrackedByLaterUpdates() {
    send("POST", CMS, "{\"metadata\":{\"name\":\"c\"}}", "application/json", "one/1");
    JsonNode patched =
        send(
                "PATCH",
                CMS + "/c",
                "{\"data\":{\"a\":\"1\"}}",
                "application/merge-patch+json",
                "two/1")
            .body();

    assertThat(patched.path("metadata").has("managedFields")).isFalse();
  }

  @Test
  void update_noChange_leavesManagedFieldsAlone() {
    send(
        "POST",
        CMS,
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\"}}",
        "application/json",
        "one/1");
    JsonNode live = get(CMS + "/c");
    JsonNode same = send("PUT", CMS + "/c", live.toString(), "application/json", "two/1").body();

    assertThat(managers(same)).containsExactly("one/Update");
    assertThat(same.path("metadata").path("resourceVersion"))
        .isEqualTo(live.path("metadata").path("resourceVersion"));
  }

  @Test
  void statusWrite_recordsSubresourceEntryOwningOnlyStatus() {
    send(
        "POST",
        DEPLOYMENTS,
        "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"d\"}}}}",
        "application/json",
        KUBECTL_UA);
    JsonNode patched =
        send(
                "PATCH",
                DEPLOYMENTS + "/d/status",
                "{\"status\":{\"replicas\":3},\"spec\":{\"paused\":true}}",
                "application/merge-patch+json",
                "kube-controller-manager/v1.36.0 (linux/amd64) kubernetes/abc")
            .body();

    JsonNode status = entry(patched, "kube-controller-manager");
    assertThat(status.path("subresource").asText()).isEqualTo("status");
    assertThat(status.path("apiVersion").asText()).isEqualTo("apps/v1");
    assertThat(status.path("fieldsV1").toString()).isEqualTo("{\"f:status\":{\"f:replicas\":{}}}");
    assertThat(managers(patched))
        .containsExactly("kube-controller-manager/Update/status", "kubectl/Update");
  }

  @Test
  void mainResourceWrite_neverOwnsStatus() {
    JsonNode created =
        send(
                "POST",
                DEPLOYMENTS,
                "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":"
                    + "\"d\"}}},\"status\":{\"replicas\":5}}",
                "application/json",
                KUBECTL_UA)
            .body();

    assertThat(entry(created, "kubectl").path("fieldsV1").has("f:status")).isFalse();
  }

  @Test
  void scaleWrite_recordsScaleEntryOwningReplicas() {
    send(
        "POST",
        DEPLOYMENTS,
        "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":"
            + "{\"app\":\"d\"}}}}",
        "application/json",
        KUBECTL_UA);
    send(
        "PATCH",
        DEPLOYMENTS + "/d/scale",
        "{\"spec\":{\"replicas\":4}}",
        "application/merge-patch+json",
        KUBECTL_UA);

    JsonNode d = get(DEPLOYMENTS + "/d");
    assertThat(managers(d)).containsExactly("kubectl/Update", "kubectl/Update/scale");
    JsonNode scale = d.path("metadata").path("managedFields").get(1);
    assertThat(scale.path("fieldsV1").toString()).isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
    assertThat(
            d.path("metadata")
                .path("managedFields")
                .get(0)
                .path("fieldsV1")
                .path("f:spec")
                .has("f:replicas"))
        .as("the scale write took the replicas")
        .isFalse();
  }

  @Test
  void emptyManagedFieldsSent_resetsThemUntilNextApply() {
    send(
        "POST",
        CMS,
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\"}}",
        "application/json",
        "one/1");
    JsonNode reset =
        send(
                "PATCH",
                CMS + "/c",
                "{\"metadata\":{\"managedFields\":[{}]}}",
                "application/merge-patch+json",
                "two/1")
            .body();
    assertThat(reset.path("metadata").has("managedFields")).isFalse();

    JsonNode untracked =
        send(
                "PATCH",
                CMS + "/c",
                "{\"data\":{\"b\":\"2\"}}",
                "application/merge-patch+json",
                "two/1")
            .body();
    assertThat(untracked.path("metadata").has("managedFields"))
        .as("an object without managedFields is not tracked by updates")
        .isFalse();

    JsonNode applied =
        send(
                "PATCH",
                CMS + "/c?fieldManager=applier",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  c: '3'\n",
                APPLY,
                "x/1")
            .body();
    assertThat(managers(applied)).containsExactly("applier/Apply", "before-first-apply/Update");
    assertThat(entry(applied, "before-first-apply").path("fieldsV1").toString())
        .isEqualTo("{\"f:data\":{\".\":{},\"f:a\":{},\"f:b\":{}}}");
  }

  @Test
  void managedFieldsSent_replaceTheLiveOnes_invalidOnesAreIgnored() throws Exception {
    send(
        "POST",
        CMS,
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\",\"b\":\"1\"}}",
        "application/json",
        "one/1");
    ObjectNode live = (ObjectNode) get(CMS + "/c");
    JsonNode custom =
        TestHttp.MAPPER.readTree(
            "[{\"manager\":\"imported\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
                + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:data\":{\"f:a\":{},\"f:b\":{}}}}]");
    ((ObjectNode) live.path("metadata")).set("managedFields", custom);
    ObjectNode honoured =
        (ObjectNode) send("PUT", CMS + "/c", live.toString(), "application/json", "two/1").body();
    assertThat(managers(honoured)).containsExactly("imported/Update");

    ((ObjectNode) honoured.path("metadata").path("managedFields").get(0)).put("operation", "Bogus");
    ((ObjectNode) honoured.path("data")).put("a", "2");
    JsonNode kept =
        send("PUT", CMS + "/c", honoured.toString(), "application/json", "two/1").body();
    assertThat(managers(kept)).containsExactly("imported/Update", "two/Update");
    assertThat(entry(kept, "imported").path("fieldsV1").toString())
        .isEqualTo("{\"f:data\":{\"f:b\":{}}}");
    assertThat(entry(kept, "two").path("fieldsV1").toString())
        .isEqualTo("{\"f:data\":{\"f:a\":{}}}");
  }

  @Test
  void manyUpdaters_oldestFoldIntoAncientChanges() {
    send(
        "POST",
        CMS,
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"k0\":\"v\"}}",
        "application/json",
        "m0/1");
    for (int i = 1; i <= 11; i++) {
      clock.advance(Duration.ofSeconds(1));
      send(
          "PATCH",
          CMS + "/c",
          "{\"data\":{\"k" + i + "\":\"v\"}}",
          "application/merge-patch+json",
          "m" + i + "/1");
    }

    List<String> names = managers(get(CMS + "/c"));
    assertThat(names).hasSize(10).contains("ancient-changes/Update", "m11/Update");
    assertThat(names).doesNotContain("m0/Update", "m1/Update", "m2/Update");
  }
}
