package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply as the API server runs it: per-field merge and ownership, pruning of what a
 * manager stops applying unless another manager owns it, associative lists by key, conflicts with
 * the API server's message form, forced applies that take ownership, and the takeover from
 * client-side apply.
 */
class EmbeddedApiServerApplyTest {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  private static final String APPLY = "application/apply-patch+yaml";

  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    http = new TestHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TestHttp.Response apply(String path, String manager, String yaml) {
    String sep = path.contains("?") ? "&" : "?";
    return http.patch(path + sep + "fieldManager=" + manager, APPLY, yaml);
  }

  private static String cm(String name, String labels, String data) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\n  labels: "
        + labels
        + "\ndata: "
        + data
        + "\n";
  }

  private static List<String> owners(JsonNode object) {
    List<String> names = new ArrayList<>();
    object
        .path("metadata")
        .path("managedFields")
        .forEach(e -> names.add(e.path("manager").asText() + "/" + e.path("operation").asText()));
    return names;
  }

  private static JsonNode fields(JsonNode object, String manager) {
    for (JsonNode e : object.path("metadata").path("managedFields")) {
      if (e.path("manager").asText().equals(manager)) {
        return e.path("fieldsV1");
      }
    }
    throw new AssertionError("no entry of " + manager);
  }

  @Test
  void apply_twoManagersOneDropsLabels_removesOnlyWhatItAloneOwned() {
    assertThat(apply(CMS + "/c", "a", cm("c", "{shared: x, onlyA: a}", "{k1: v}")).code())
        .isEqualTo(201);
    assertThat(apply(CMS + "/c", "b", cm("c", "{shared: x, onlyB: b}", "{k2: v}")).code())
        .isEqualTo(200);

    JsonNode after = apply(CMS + "/c", "a", cm("c", "{}", "{}")).body();

    assertThat(after.path("metadata").path("labels").toString())
        .isEqualTo("{\"shared\":\"x\",\"onlyB\":\"b\"}");
    assertThat(after.path("data").toString()).isEqualTo("{\"k2\":\"v\"}");
    assertThat(fields(after, "b").toString())
        .isEqualTo(
            "{\"f:data\":{\"f:k2\":{}},\"f:metadata\":{\"f:labels\":{\"f:onlyB\":{},"
                + "\"f:shared\":{}}}}");
  }

  @Test
  void apply_firstApplyOfNewObject_createsItWithApplyEntry() {
    TestHttp.Response created = apply(CMS + "/c", "ctl", cm("c", "{app: x}", "{k: v}"));

    assertThat(created.code()).isEqualTo(201);
    JsonNode entry = created.body().path("metadata").path("managedFields").get(0);
    assertThat(entry.path("operation").asText()).isEqualTo("Apply");
    assertThat(entry.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(entry.path("fieldsV1").toString())
        .as("an apply owns exactly what it applied, without '.' for maps it names")
        .isEqualTo("{\"f:data\":{\"f:k\":{}},\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}");
  }

  @Test
  void apply_containersByName_otherManagersContainerStays() {
    String d =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n"
            + "    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n"
            + "    spec:\n      containers:\n%s";
    String path = "/apis/apps/v1/namespaces/default/deployments/d";
    apply(path, "one", String.format(d, "      - {name: a, image: a:1}\n"));
    apply(path, "two", String.format(d, "      - {name: b, image: b:1}\n"));
    JsonNode after = apply(path, "one", String.format(d, "      - {name: c, image: c:1}\n")).body();

    JsonNode containers = after.path("spec").path("template").path("spec").path("containers");
    assertThat(containers.findValuesAsText("name")).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void apply_changeOfAppliersField_conflictsWithAppliersName() {
    apply(CMS + "/c", "first", cm("c", "{}", "{a: '1', b: '1'}"));
    TestHttp.Response one = apply(CMS + "/c", "second", cm("c", "{}", "{a: '2'}"));

    assertThat(one.code()).isEqualTo(409);
    assertThat(one.body().path("reason").asText()).isEqualTo("Conflict");
    assertThat(one.body().path("message").asText())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"first\": .data.a");
    JsonNode details = one.body().path("details");
    assertThat(details.has("name")).as("the details carry only the causes").isFalse();
    assertThat(details.path("causes").toString())
        .isEqualTo(
            "[{\"reason\":\"FieldManagerConflict\",\"message\":\"conflict with \\\"first\\\"\","
                + "\"field\":\".data.a\"}]");

    TestHttp.Response two = apply(CMS + "/c", "second", cm("c", "{}", "{a: '2', b: '2'}"));
    assertThat(two.body().path("message").asText())
        .isEqualTo(
            "Apply failed with 2 conflicts: conflicts with \"first\":\n- .data.a\n- .data.b");
  }

  @Test
  void apply_changeOfUpdatersField_conflictNamesItsApiVersion() {
    http.send(
        "POST",
        CMS,
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\"}}",
        "application/json",
        Map.of("User-Agent", "kubectl-create/v1.32"));
    TestHttp.Response conflict = apply(CMS + "/c", "ctl", cm("c", "{}", "{a: '2'}"));

    assertThat(conflict.code()).isEqualTo(409);
    assertThat(conflict.body().path("message").asText())
        .isEqualTo(
            "Apply failed with 1 conflict: conflict with \"kubectl-create\" using v1: .data.a");
  }

  @Test
  void apply_forced_movesOwnershipAndDropsEmptiedEntry() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '%s'}\n";
    apply(CMS + "/c", "first", String.format(yaml, "1"));
    TestHttp.Response forced = apply(CMS + "/c?force=true", "second", String.format(yaml, "2"));

    assertThat(forced.code()).isEqualTo(200);
    assertThat(forced.body().path("data").path("a").asText()).isEqualTo("2");
    assertThat(owners(forced.body())).containsExactly("second/Apply");
  }

  @Test
  void apply_sameValue_isSharedWithoutConflict() {
    apply(CMS + "/c", "first", cm("c", "{}", "{a: '1'}"));
    TestHttp.Response shared = apply(CMS + "/c", "second", cm("c", "{}", "{a: '1'}"));

    assertThat(shared.code()).isEqualTo(200);
    assertThat(owners(shared.body())).containsExactlyInAnyOrder("first/Apply", "second/Apply");
  }

  @Test
  void apply_kubectlAfterClientSideApply_takesOverWithoutConflict() {
    String lastApplied =
        "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":\"ConfigMap\",\"metadata\":"
            + "{\"annotations\":{},\"name\":\"c\",\"namespace\":\"default\"}}\n";
    http.send(
        "POST",
        CMS,
        "{\"metadata\":{\"name\":\"c\",\"annotations\":{\"kubectl.kubernetes.io/"
            + "last-applied-configuration\":"
            + TestHttp.MAPPER.getNodeFactory().textNode(lastApplied)
            + "}},\"data\":{\"a\":\"1\"}}",
        "application/json",
        Map.of("User-Agent", "kubectl-client-side-apply/v1.32"));

    TestHttp.Response other = apply(CMS + "/c", "other", cm("c", "{}", "{a: '2'}"));
    assertThat(other.code()).as("only kubectl may take over").isEqualTo(409);
    TestHttp.Response kubectl = apply(CMS + "/c", "kubectl", cm("c", "{}", "{a: '2'}"));

    assertThat(kubectl.code()).isEqualTo(200);
    assertThat(kubectl.body().path("data").path("a").asText()).isEqualTo("2");
    String annotation =
        kubectl
            .body()
            .path("metadata")
            .path("annotations")
            .path("kubectl.kubernetes.io/last-applied-configuration")
            .asText();
    assertThat(annotation)
        .as("the annotation follows the applied configuration")
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"2\"},\"kind\":\"ConfigMap\",\"metadata\":"
                + "{\"labels\":{},\"name\":\"c\"}}\n");
  }

  @Test
  void apply_withoutFieldManager_is422OnPatchOptions() {
    TestHttp.Response r = http.patch(CMS + "/c", APPLY, cm("c", "{}", "{}"));

    assertThat(r.code()).isEqualTo(422);
    assertThat(r.body().path("message").asText())
        .isEqualTo(
            "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required"
                + " for apply patch");
    assertThat(r.body().path("details").path("kind").asText()).isEqualTo("PatchOptions");
    assertThat(r.body().path("details").path("group").asText()).isEqualTo("meta.k8s.io");
    assertThat(r.body().path("details").path("causes").get(0).path("reason").asText())
        .isEqualTo("FieldValueRequired");
  }

  @Test
  void apply_badConfigurations_areRejectedAsTheApiServerWordsThem() {
    assertThat(
            apply(CMS + "/c", "m", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: c}\n")
                .body()
                .path("message")
                .asText())
        .isEqualTo("invalid object type: apps/v1, Kind=Deployment");
    assertThat(
            apply(
                    CMS + "/c",
                    "m",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  managedFields: []\n")
                .body()
                .path("message")
                .asText())
        .isEqualTo("metadata.managedFields must be nil");
    TestHttp.Response wrongName = apply(CMS + "/c", "m", cm("other", "{}", "{}"));
    assertThat(wrongName.code()).isEqualTo(400);
    assertThat(wrongName.body().path("message").asText())
        .isEqualTo("the name of the object (other) does not match the name on the URL (c)");
    TestHttp.Response badType = apply(CMS + "/c", "m", cm("c", "{}", "{a: [1]}"));
    assertThat(badType.code()).isEqualTo(500);
    assertThat(badType.body().path("message").asText())
        .contains("failed to create typed patch object (/c; /v1, Kind=ConfigMap)", ".data.a");
  }

  @Test
  void apply_customResourceListMap_mergesByKey() {
    http.post(
        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
            + "\"metadata\":{\"name\":\"widgets.example.com\"},\"spec\":{\"group\":\"example.com\","
            + "\"scope\":\"Namespaced\",\"names\":{\"plural\":\"widgets\",\"singular\":\"widget\","
            + "\"kind\":\"Widget\"},\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,"
            + "\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\",\"properties\":{\"spec\":{"
            + "\"type\":\"object\",\"properties\":{\"ports\":{\"type\":\"array\","
            + "\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"name\"],"
            + "\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"port\":{\"type\":\"integer\"}}}}}}}}}}]}}");
    String path = "/apis/example.com/v1/namespaces/default/widgets/w";
    String w = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  ports:\n%s";
    assertThat(apply(path, "one", String.format(w, "  - {name: a, port: 1}\n")).code())
        .isEqualTo(201);
    apply(path, "two", String.format(w, "  - {name: b, port: 2}\n"));

    JsonNode widget = http.get(path).body();
    assertThat(widget.path("spec").path("ports").findValuesAsText("name"))
        .containsExactly("a", "b");
    assertThat(fields(widget, "two").toString())
        .isEqualTo(
            "{\"f:spec\":{\"f:ports\":{\"k:{\\\"name\\\":\\\"b\\\"}\":{\".\":{},\"f:name\":{},"
                + "\"f:port\":{}}}}}");
  }

  /**
   * An apply that changes nothing writes nothing: the resourceVersion stays, and a Namespace gets
   * no generation (the API server skips no-op writes; kubectl apply --server-side reports
   * "serverside-applied" either way).
   */
  @Test
  void apply_sameConfigurationTwice_keepsResourceVersionAndGeneration() {
    http.post(
        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
            + "\"metadata\":{\"name\":\"gadgets.example.com\"},\"spec\":{\"group\":\"example.com\","
            + "\"scope\":\"Namespaced\",\"names\":{\"plural\":\"gadgets\",\"singular\":\"gadget\","
            + "\"kind\":\"Gadget\"},\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,"
            + "\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\","
            + "\"x-kubernetes-preserve-unknown-fields\":true}}}]}}");
    Map<String, String> configs =
        Map.of(
            "/apis/example.com/v1/namespaces/default/gadgets/g",
            "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {size: 3}\n",
            "/apis/apps/v1/namespaces/default/deployments/d",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 2\n"
                + "  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n"
                + "    spec: {containers: [{name: c, image: nginx}]}\n",
            "/api/v1/namespaces/n",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: n, labels: {team: x}}\n");
    for (Map.Entry<String, String> e : configs.entrySet()) {
      JsonNode first = apply(e.getKey(), "m", e.getValue()).body();
      TestHttp.Response second = apply(e.getKey(), "m", e.getValue());

      assertThat(second.code()).as(e.getKey()).isEqualTo(200);
      assertThat(second.body().path("metadata").path("resourceVersion").asText())
          .as(e.getKey())
          .isEqualTo(first.path("metadata").path("resourceVersion").asText());
      assertThat(second.body().path("metadata").path("generation").asText())
          .as(e.getKey())
          .isEqualTo(first.path("metadata").path("generation").asText());
    }
  }
}
