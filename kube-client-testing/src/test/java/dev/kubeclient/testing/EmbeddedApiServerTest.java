package dev.kubeclient.testing;

import static dev.kubeclient.testing.TestHttp.cm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmbeddedApiServerTest {
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

  @Test
  void start_twice_isIdempotent_andCloseTwiceToo() {
    int port = server.port();
    assertThat(server.start()).isSameAs(server);
    assertThat(server.port()).isEqualTo(port);
    server.close();
    server.close();
    assertThatThrownBy(server::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void close_endsRequestThreads_andDeletesKubeconfig() {
    Path kubeconfig = server.kubeconfigPath();
    assertThat(kubeconfig).exists();
    http.get("/api/v1/namespaces");
    List<Thread> ours = serverThreads();
    assertThat(ours).isNotEmpty();
    server.close();
    assertThat(kubeconfig).doesNotExist();
    assertThat(ours).noneMatch(Thread::isAlive);
  }

  private static List<Thread> serverThreads() {
    List<Thread> ours = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("kube-embedded-apiserver-")) {
        ours.add(t);
      }
    }
    return ours;
  }

  @Test
  void threads_areNamedAndDaemon() {
    http.get("/version");
    assertThat(serverThreads()).isNotEmpty().allMatch(Thread::isDaemon);
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().equals("HTTP-Dispatcher"))
        .isNotEmpty()
        .allMatch(Thread::isDaemon);
  }

  @Test
  void discovery_listsBuiltinsWithVerbsAndShortNames() {
    JsonNode core = http.get("/api/v1").body();
    assertThat(core.path("groupVersion").asText()).isEqualTo("v1");
    JsonNode pods = find(core.path("resources"), "pods");
    assertThat(pods.path("namespaced").asBoolean()).isTrue();
    assertThat(pods.path("kind").asText()).isEqualTo("Pod");
    assertThat(pods.path("shortNames").toString()).contains("po");
    assertThat(pods.path("verbs").toString()).contains("watch", "deletecollection");
    assertThat(find(core.path("resources"), "pods/status").path("verbs").toString())
        .contains("update");
    JsonNode apps = http.get("/apis/apps/v1").body();
    assertThat(find(apps.path("resources"), "deployments").path("shortNames").toString())
        .contains("deploy");
    JsonNode groups = http.get("/apis").body();
    assertThat(groups.path("groups").toString()).contains("\"name\":\"apps\"");
    assertThat(http.get("/api").body().path("versions").toString()).contains("v1");
    assertThat(http.get("/version").body().path("major").asText()).isEqualTo("1");
    JsonNode rbac = http.get("/apis/rbac.authorization.k8s.io/v1").body();
    assertThat(find(rbac.path("resources"), "roles").path("namespaced").asBoolean()).isTrue();
    assertThat(find(rbac.path("resources"), "clusterroles").path("namespaced").asBoolean())
        .isFalse();
    JsonNode autoscaling = http.get("/apis/autoscaling").body();
    assertThat(autoscaling.path("preferredVersion").path("version").asText()).isEqualTo("v2");
    JsonNode storage = http.get("/apis/storage.k8s.io/v1").body();
    assertThat(find(storage.path("resources"), "storageclasses").path("shortNames").toString())
        .contains("sc");
  }

  @Test
  void discovery_aggregated_whenAcceptAsksForIt() {
    TestHttp.Response r = http.send("GET", "/apis", null, "application/json");
    assertThat(r.body().path("kind").asText()).isEqualTo("APIGroupList");
    java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
    try {
      java.net.http.HttpResponse<String> agg =
          c.send(
              java.net.http.HttpRequest.newBuilder(server.url().resolve("/apis"))
                  .header(
                      "Accept",
                      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json")
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(agg.headers().firstValue("Content-Type").orElse(""))
          .contains("as=APIGroupDiscoveryList");
      JsonNode body = TestHttp.MAPPER.readTree(agg.body());
      assertThat(body.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
      assertThat(body.toString())
          .contains("\"resource\":\"deployments\"", "\"scope\":\"Namespaced\"");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void deprecatedVersion_getsWarningHeader_gaVersionDoesNot() {
    server.close();
    server =
        EmbeddedApiServer.newBuilder()
            .https(false)
            .enableVersions("resource.k8s.io/v1beta1")
            .build()
            .start();
    http = new TestHttp(server);
    TestHttp.Response beta = http.get("/apis/resource.k8s.io/v1beta1/deviceclasses");
    assertThat(beta.code()).isEqualTo(200);
    assertThat(beta.header("Warning"))
        .isEqualTo(
            "299 - \"resource.k8s.io/v1beta1 DeviceClass is deprecated; use resource.k8s.io/v1"
                + " DeviceClass\"");
    assertThat(http.get("/apis/resource.k8s.io/v1/deviceclasses").header("Warning")).isEmpty();
  }

  private static JsonNode find(JsonNode resources, String name) {
    for (JsonNode r : resources) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError(name + " not in " + resources);
  }

  @Test
  void create_setsServerFields_andGetReturnsIt() {
    TestHttp.Response r = http.post("/api/v1/namespaces/default/configmaps", cm("a", "{}"));
    assertThat(r.code()).isEqualTo(201);
    JsonNode meta = r.body().path("metadata");
    assertThat(meta.path("uid").asText()).isNotEmpty();
    assertThat(meta.path("namespace").asText()).isEqualTo("default");
    assertThat(meta.path("creationTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(Long.parseLong(meta.path("resourceVersion").asText())).isPositive();
    TestHttp.Response got = http.get("/api/v1/namespaces/default/configmaps/a");
    assertThat(got.code()).isEqualTo(200);
    assertThat(got.body().path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(got.body().path("apiVersion").asText()).isEqualTo("v1");
    assertThat(got.body().path("data").path("k").asText()).isEqualTo("v");
  }

  @Test
  void create_existing_is409AlreadyExists() {
    http.post("/api/v1/namespaces/default/configmaps", cm("a", "{}"));
    TestHttp.Response r = http.post("/api/v1/namespaces/default/configmaps", cm("a", "{}"));
    assertThat(r.code()).isEqualTo(409);
    assertThat(r.body().path("reason").asText()).isEqualTo("AlreadyExists");
    assertThat(r.body().path("message").asText()).isEqualTo("configmaps \"a\" already exists");
    assertThat(r.body().path("details").path("kind").asText()).isEqualTo("configmaps");
  }

  @Test
  void create_inMissingNamespace_is404ForTheNamespace() {
    TestHttp.Response r = http.post("/api/v1/namespaces/nope/configmaps", cm("a", "{}"));
    assertThat(r.code()).isEqualTo(404);
    assertThat(r.body().path("message").asText()).isEqualTo("namespaces \"nope\" not found");
  }

  @Test
  void create_namespacedWithoutNamespace_is405() {
    TestHttp.Response r = http.post("/api/v1/configmaps", cm("a", "{}"));
    assertThat(r.code()).isEqualTo(405);
    assertThat(r.body().path("reason").asText()).isEqualTo("MethodNotAllowed");
    assertThat(http.delete("/api/v1/configmaps").code()).isEqualTo(405);
  }

  @Test
  void create_generateName_getsSuffix() {
    TestHttp.Response r =
        http.post(
            "/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"generateName\":\"gen-\"}}");
    assertThat(r.code()).isEqualTo(201);
    assertThat(r.body().path("metadata").path("name").asText()).matches("gen-[a-z0-9]{5}");
  }

  @Test
  void create_badName_is422WithCause() {
    TestHttp.Response r = http.post("/api/v1/namespaces/default/configmaps", cm("Bad_Name", "{}"));
    assertThat(r.code()).isEqualTo(422);
    assertThat(r.body().path("reason").asText()).isEqualTo("Invalid");
    assertThat(r.body().path("message").asText())
        .startsWith(
            "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\"");
    JsonNode cause = r.body().path("details").path("causes").get(0);
    assertThat(cause.path("reason").asText()).isEqualTo("FieldValueInvalid");
    assertThat(cause.path("field").asText()).isEqualTo("metadata.name");
  }

  @Test
  void create_withoutName_is422Required() {
    TestHttp.Response r = http.post("/apis/apps/v1/namespaces/default/deployments", "{}");
    assertThat(r.code()).isEqualTo(422);
    assertThat(r.body().path("message").asText())
        .isEqualTo(
            "Deployment.apps \"\" is invalid: metadata.name: Required value: name or generateName"
                + " is required");
  }

  @Test
  void create_malformedJson_is400_andServerKeepsRunning() {
    TestHttp.Response r = http.post("/api/v1/namespaces/default/configmaps", "{not json");
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.body().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(r.body().path("message").asText())
        .startsWith("couldn't get version/kind; json parse error");
    assertThat(http.get("/api/v1/namespaces/default/configmaps").code()).isEqualTo(200);
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of(
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}",
            "the API version in the data (apps/v1) does not match the expected API version (v1)"),
        Arguments.of(
            "{\"metadata\":{\"name\":\"x\",\"namespace\":\"kube-system\"}}",
            "the namespace of the provided object does not match the namespace sent on the request"),
        Arguments.of(
            "[1,2]",
            "couldn't get version/kind; json parse error: json: cannot unmarshal array into Go"
                + " value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\";"
                + " Kind string \"json:\\\"kind,omitempty\\\"\" }"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void create_badRequest_is400WithApiServerMessage(String body, String message) {
    TestHttp.Response r = http.post("/api/v1/namespaces/default/configmaps", body);
    assertThat(r.code()).isEqualTo(400);
    assertThat(r.body().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(r.body().path("message").asText()).isEqualTo(message);
  }

  @Test
  void get_missing_is404WithStatus() {
    TestHttp.Response r = http.get("/apis/apps/v1/namespaces/default/deployments/none");
    assertThat(r.code()).isEqualTo(404);
    assertThat(r.body().path("kind").asText()).isEqualTo("Status");
    assertThat(r.body().path("message").asText()).isEqualTo("deployments.apps \"none\" not found");
    assertThat(r.body().path("details").path("group").asText()).isEqualTo("apps");
    assertThat(http.get("/apis/nothing.io/v1/things").code()).isEqualTo(404);
  }

  @Test
  void update_staleResourceVersion_is409Conflict() {
    JsonNode created = http.post("/api/v1/namespaces/default/configmaps", cm("a", "{}")).body();
    String rv = created.path("metadata").path("resourceVersion").asText();
    String body =
        "{\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"" + rv + "\"},\"data\":{\"k\":\"2\"}}";
    TestHttp.Response first = http.put("/api/v1/namespaces/default/configmaps/a", body);
    assertThat(first.code()).isEqualTo(200);
    assertThat(first.body().path("metadata").path("resourceVersion").asText()).isNotEqualTo(rv);
    TestHttp.Response second = http.put("/api/v1/namespaces/default/configmaps/a", body);
    assertThat(second.code()).isEqualTo(409);
    assertThat(second.body().path("reason").asText()).isEqualTo("Conflict");
    assertThat(second.body().path("message").asText())
        .isEqualTo(
            "Operation cannot be fulfilled on configmaps \"a\": the object has been modified;"
                + " please apply your changes to the latest version and try again");
  }

  @Test
  void update_specChange_bumpsGeneration_statusUpdateDoesNot() {
    String deployment =
        "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"replicas\":1},\"status\":{\"replicas\":9}}";
    JsonNode created = http.post("/apis/apps/v1/namespaces/default/deployments", deployment).body();
    assertThat(created.path("metadata").path("generation").asInt()).isEqualTo(1);
    // The given status is dropped; a real server writes the empty DeploymentStatus struct.
    assertThat(created.path("status").size()).as("status dropped on create").isZero();
    JsonNode updated =
        http.put(
                "/apis/apps/v1/namespaces/default/deployments/d",
                "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"replicas\":2},\"status\":{\"replicas\":5}}")
            .body();
    assertThat(updated.path("metadata").path("generation").asInt()).isEqualTo(2);
    assertThat(updated.path("status").size()).as("main resource ignores status").isZero();
    JsonNode status =
        http.put(
                "/apis/apps/v1/namespaces/default/deployments/d/status",
                "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"replicas\":7},\"status\":{\"replicas\":2}}")
            .body();
    assertThat(status.path("status").path("replicas").asInt()).isEqualTo(2);
    assertThat(status.path("spec").path("replicas").asInt()).as("status ignores spec").isEqualTo(2);
    assertThat(status.path("metadata").path("generation").asInt()).isEqualTo(2);
  }

  @Test
  void list_builtinItemsHaveNoKind_andMetadataHasResourceVersion() {
    http.post("/api/v1/namespaces/default/configmaps", cm("a", "{}"));
    JsonNode list = http.get("/api/v1/namespaces/default/configmaps").body();
    assertThat(list.path("kind").asText()).isEqualTo("ConfigMapList");
    assertThat(list.path("metadata").path("resourceVersion").asText()).isNotEmpty();
    assertThat(list.path("items").get(0).has("kind")).isFalse();
    assertThat(list.path("items").get(0).has("apiVersion")).isFalse();
  }

  @Test
  void list_pagination_isConsistentSnapshot() {
    for (int i = 0; i < 5; i++) {
      http.post("/api/v1/namespaces/default/configmaps", cm("c" + i, "{}"));
    }
    JsonNode page1 = http.get("/api/v1/namespaces/default/configmaps?limit=2").body();
    assertThat(page1.path("items")).hasSize(2);
    assertThat(page1.path("metadata").path("remainingItemCount").asInt()).isEqualTo(3);
    String token = page1.path("metadata").path("continue").asText();
    http.delete("/api/v1/namespaces/default/configmaps/c3");
    http.post("/api/v1/namespaces/default/configmaps", cm("c5", "{}"));
    JsonNode page2 =
        http.get("/api/v1/namespaces/default/configmaps?limit=10&continue=" + token).body();
    List<String> names = new ArrayList<>();
    page2.path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
    assertThat(names).containsExactly("c2", "c3", "c4");
    assertThat(page2.path("metadata").has("continue")).isFalse();
    assertThat(page2.path("metadata").path("resourceVersion").asText())
        .isEqualTo(page1.path("metadata").path("resourceVersion").asText());
  }

  @Test
  void list_resourceVersionFromTheFuture_is504() {
    long future = server.resourceVersion() + 100;
    TestHttp.Response r = http.get("/api/v1/configmaps?resourceVersion=" + future);
    assertThat(r.code()).isEqualTo(504);
    assertThat(r.body().path("reason").asText()).isEqualTo("Timeout");
    assertThat(r.body().path("message").asText()).startsWith("Timeout: Too large resource version");
    assertThat(r.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void list_continueAfterCompaction_is410() {
    for (int i = 0; i < 3; i++) {
      http.post("/api/v1/namespaces/default/configmaps", cm("c" + i, "{}"));
    }
    String token =
        http.get("/api/v1/namespaces/default/configmaps?limit=1")
            .body()
            .path("metadata")
            .path("continue")
            .asText();
    http.post("/api/v1/namespaces/default/configmaps", cm("later", "{}"));
    server.faults().compactHistory();
    TestHttp.Response r =
        http.get("/api/v1/namespaces/default/configmaps?limit=1&continue=" + token);
    assertThat(r.code()).isEqualTo(410);
    assertThat(r.body().path("reason").asText()).isEqualTo("Expired");
  }

  @Test
  void list_selectors_filterByLabelAndField() {
    http.post("/api/v1/namespaces/default/configmaps", cm("a", "{\"app\":\"x\"}"));
    http.post("/api/v1/namespaces/default/configmaps", cm("b", "{\"app\":\"y\"}"));
    assertThat(http.get("/api/v1/configmaps?labelSelector=app%3Dx").body().path("items"))
        .hasSize(1);
    assertThat(
            http.get("/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Db")
                .body()
                .path("items")
                .get(0)
                .path("metadata")
                .path("name")
                .asText())
        .isEqualTo("b");
  }

  @Test
  void list_labelSelector_fullGrammar() {
    http.post(
        "/api/v1/namespaces/default/configmaps", cm("a", "{\"tier\":\"fe\",\"canary\":\"1\"}"));
    http.post("/api/v1/namespaces/default/configmaps", cm("b", "{\"tier\":\"be\"}"));
    http.post("/api/v1/namespaces/default/configmaps", cm("c", "{\"tier\":\"db\"}"));
    assertThat(names("tier%20in%20(fe,be)")).containsExactly("a", "b");
    assertThat(names("tier%20notin%20(fe),!canary")).containsExactly("b", "c");
    assertThat(names("canary")).containsExactly("a");
    TestHttp.Response bad = http.get("/api/v1/configmaps?labelSelector=tier%20in%20(fe");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.body().path("message").asText()).startsWith("unable to parse requirement: ");
  }

  private List<String> names(String labelSelector) {
    List<String> names = new ArrayList<>();
    http.get("/api/v1/namespaces/default/configmaps?labelSelector=" + labelSelector)
        .body()
        .path("items")
        .forEach(i -> names.add(i.path("metadata").path("name").asText()));
    return names;
  }

  @Test
  void list_fieldSelector_podFieldsWork_unsupportedFieldIs400() {
    http.post(
        "/api/v1/namespaces/default/pods",
        "{\"metadata\":{\"name\":\"p1\"},\"spec\":{\"nodeName\":\"n1\",\"containers\":[]}}");
    http.post(
        "/api/v1/namespaces/default/pods",
        "{\"metadata\":{\"name\":\"p2\"},\"spec\":{\"nodeName\":\"n2\",\"containers\":[]}}");
    JsonNode onN1 = http.get("/api/v1/pods?fieldSelector=spec.nodeName%3Dn1").body();
    assertThat(onN1.path("items")).hasSize(1);
    assertThat(http.get("/api/v1/pods?fieldSelector=status.phase%3DPending").body().path("items"))
        .hasSize(2);
    TestHttp.Response bad = http.get("/api/v1/configmaps?fieldSelector=data.k%3Dv");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.body().path("message").asText()).isEqualTo("field label not supported: data.k");
  }

  @Test
  void delete_withFinalizer_marksThenRemovesWhenFinalizerCleared() {
    http.post(
        "/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"f\",\"finalizers\":[\"example.com/hold\"]}}");
    TestHttp.Response r = http.delete("/api/v1/namespaces/default/configmaps/f");
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.body().path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
    assertThat(http.get("/api/v1/namespaces/default/configmaps/f").code()).isEqualTo(200);
    http.patch(
        "/api/v1/namespaces/default/configmaps/f",
        "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":null}}");
    assertThat(http.get("/api/v1/namespaces/default/configmaps/f").code()).isEqualTo(404);
  }

  @Test
  void delete_propagation_backgroundDeletesDependents_orphanKeepsThem() {
    String ownerUid =
        http.post("/api/v1/namespaces/default/configmaps", cm("owner", "{}"))
            .body()
            .path("metadata")
            .path("uid")
            .asText();
    String dependent =
        "{\"metadata\":{\"name\":\"%s\",\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"owner\",\"uid\":\""
            + ownerUid
            + "\"}]}}";
    http.post("/api/v1/namespaces/default/configmaps", String.format(dependent, "dep"));
    http.post("/api/v1/namespaces/default/secrets", String.format(dependent, "dep2"));
    assertThat(http.delete("/api/v1/namespaces/default/configmaps/owner").code()).isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/dep").code()).isEqualTo(404);
    assertThat(http.get("/api/v1/namespaces/default/secrets/dep2").code()).isEqualTo(404);

    String owner2 =
        http.post("/api/v1/namespaces/default/configmaps", cm("owner2", "{}"))
            .body()
            .path("metadata")
            .path("uid")
            .asText();
    http.post(
        "/api/v1/namespaces/default/configmaps",
        String.format(dependent.replace(ownerUid, owner2), "kept"));
    http.delete(
        "/api/v1/namespaces/default/configmaps/owner2", "{\"propagationPolicy\":\"Orphan\"}");
    JsonNode kept = http.get("/api/v1/namespaces/default/configmaps/kept").body();
    assertThat(kept.path("metadata").has("ownerReferences")).isFalse();
  }

  @Test
  void delete_foreground_removesDependentsFirst() {
    String ownerUid =
        http.post("/api/v1/namespaces/default/configmaps", cm("owner", "{}"))
            .body()
            .path("metadata")
            .path("uid")
            .asText();
    http.post(
        "/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"dep\",\"finalizers\":[\"x/y\"],\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"owner\",\"uid\":\""
            + ownerUid
            + "\",\"blockOwnerDeletion\":true}]}}");
    JsonNode owner =
        http.delete(
                "/api/v1/namespaces/default/configmaps/owner",
                "{\"propagationPolicy\":\"Foreground\"}")
            .body();
    assertThat(owner.path("metadata").path("finalizers").toString()).contains("foregroundDeletion");
    assertThat(http.get("/api/v1/namespaces/default/configmaps/owner").code()).isEqualTo(200);
    http.patch(
        "/api/v1/namespaces/default/configmaps/dep",
        "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":null}}");
    assertThat(http.get("/api/v1/namespaces/default/configmaps/dep").code()).isEqualTo(404);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/owner").code()).isEqualTo(404);
  }

  @Test
  void deleteNamespace_deletesContents_thenNamespace() {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"team\"}}");
    http.post("/api/v1/namespaces/team/configmaps", cm("a", "{}"));
    TestHttp.Response r = http.delete("/api/v1/namespaces/team");
    assertThat(r.code()).isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/team/configmaps/a").code()).isEqualTo(404);
    assertThat(http.get("/api/v1/namespaces/team").code()).isEqualTo(404);
  }

  @Test
  void deleteNamespace_withFinalizedContent_staysTerminating_andRefusesCreates() {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"team\"}}");
    http.post(
        "/api/v1/namespaces/team/configmaps",
        "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"x/y\"]}}");
    http.delete("/api/v1/namespaces/team");
    JsonNode ns = http.get("/api/v1/namespaces/team").body();
    assertThat(ns.path("status").path("phase").asText()).isEqualTo("Terminating");
    TestHttp.Response refused = http.post("/api/v1/namespaces/team/configmaps", cm("new", "{}"));
    assertThat(refused.code()).isEqualTo(403);
    assertThat(refused.body().path("message").asText())
        .contains("unable to create new content in namespace team because it is being terminated");
    http.patch(
        "/api/v1/namespaces/team/configmaps/held",
        "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
    assertThat(http.get("/api/v1/namespaces/team").code()).isEqualTo(404);
  }

  @Test
  void deleteCollection_deletesSelected() {
    http.post("/api/v1/namespaces/default/configmaps", cm("a", "{\"t\":\"1\"}"));
    http.post("/api/v1/namespaces/default/configmaps", cm("b", "{\"t\":\"2\"}"));
    TestHttp.Response r = http.delete("/api/v1/namespaces/default/configmaps?labelSelector=t%3D1");
    assertThat(r.code()).isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/a").code()).isEqualTo(404);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/b").code()).isEqualTo(200);
  }

  @Test
  void patch_strategic_mergesContainersByName() {
    http.post(
        "/apis/apps/v1/namespaces/default/deployments",
        "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"template\":{\"spec\":{\"containers\":["
            + "{\"name\":\"a\",\"image\":\"a:1\"},{\"name\":\"b\",\"image\":\"b:1\"}]}}}}");
    JsonNode patched =
        http.patch(
                "/apis/apps/v1/namespaces/default/deployments/d",
                "application/strategic-merge-patch+json",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"b:2\"}]}}}}")
            .body();
    JsonNode containers = patched.path("spec").path("template").path("spec").path("containers");
    assertThat(containers).hasSize(2);
    assertThat(containers.get(1).path("image").asText()).isEqualTo("b:2");
  }

  @Test
  void apply_otherManagersField_conflictsUnlessSameValueOrForced() {
    String path = "/api/v1/namespaces/default/configmaps/ssa?fieldManager=";
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  k: %s\n";
    String apply = "application/apply-patch+yaml";
    assertThat(http.patch(path + "a", apply, String.format(yaml, "one")).code()).isEqualTo(201);
    assertThat(http.patch(path + "b", apply, String.format(yaml, "one")).code())
        .as("same value is shared ownership")
        .isEqualTo(200);
    TestHttp.Response conflict = http.patch(path + "b", apply, String.format(yaml, "two"));
    assertThat(conflict.code()).isEqualTo(409);
    assertThat(conflict.body().path("message").asText())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"a\": .data.k");
    JsonNode cause = conflict.body().path("details").path("causes").get(0);
    assertThat(cause.path("reason").asText()).isEqualTo("FieldManagerConflict");
    assertThat(cause.path("field").asText()).isEqualTo(".data.k");
    assertThat(http.patch(path + "b&force=true", apply, String.format(yaml, "two")).code())
        .isEqualTo(200);
  }

  @Test
  void patch_unknownContentType_is415() {
    TestHttp.Response r =
        http.patch("/api/v1/namespaces/default/configmaps/none", "application/whatever", "{}");
    assertThat(r.code()).isEqualTo(415);
    assertThat(r.body().path("reason").asText()).isEqualTo("UnsupportedMediaType");
  }

  @Test
  void scale_getAndUpdate_readAndWriteSpecReplicas() {
    http.post(
        "/apis/apps/v1/namespaces/default/deployments",
        "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"replicas\":2,"
            + "\"selector\":{\"matchLabels\":{\"app\":\"d\"}}}}");
    JsonNode scale = http.get("/apis/apps/v1/namespaces/default/deployments/d/scale").body();
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(scale.path("status").path("selector").asText()).isEqualTo("app=d");
    TestHttp.Response put =
        http.put(
            "/apis/apps/v1/namespaces/default/deployments/d/scale",
            "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"replicas\":5}}");
    assertThat(put.body().path("spec").path("replicas").asInt()).isEqualTo(5);
    http.patch(
        "/apis/apps/v1/namespaces/default/deployments/d/scale",
        "application/merge-patch+json",
        "{\"spec\":{\"replicas\":7}}");
    JsonNode deployment = http.get("/apis/apps/v1/namespaces/default/deployments/d").body();
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(7);
    assertThat(deployment.path("metadata").path("generation").asInt()).isEqualTo(3);
  }

  @Test
  void dryRun_all_validatesButStoresNothing() {
    long rv = server.resourceVersion();
    TestHttp.Response created =
        http.post("/api/v1/namespaces/default/configmaps?dryRun=All", cm("dry", "{}"));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body().path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(http.get("/api/v1/namespaces/default/configmaps/dry").code()).isEqualTo(404);
    assertThat(
            http.post("/api/v1/namespaces/default/configmaps?dryRun=All", cm("Bad_", "{}")).code())
        .isEqualTo(422);
    http.post("/api/v1/namespaces/default/configmaps", cm("real", "{}"));
    assertThat(http.delete("/api/v1/namespaces/default/configmaps/real?dryRun=All").code())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/default/configmaps/real").code()).isEqualTo(200);
    assertThat(server.resourceVersion()).isEqualTo(rv + 1);
  }

  @Test
  void create_directly_seedsState() {
    String created = server.create(cm("seeded", "{}"));
    assertThat(created).contains("\"uid\"");
    assertThat(http.get("/api/v1/namespaces/default/configmaps/seeded").code()).isEqualTo(200);
    assertThatThrownBy(() -> server.create(cm("seeded", "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void kubeconfig_namesServer_andFileHasOwnerOnlyPermissions() throws Exception {
    assertThat(server.kubeconfigYaml())
        .contains("server: \"" + server.url() + "\"", "current-context: \"embedded\"");
    assertThat(Files.readString(server.kubeconfigPath())).isEqualTo(server.kubeconfigYaml());
    assertThat(Files.getPosixFilePermissions(server.kubeconfigPath()))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void authentication_badToken401_ruleless403() {
    try (EmbeddedApiServer secured =
        EmbeddedApiServer.newBuilder()
            .https(false)
            .bearerToken("s3cret-token", "alice")
            .bearerToken("other-token", "bob")
            .allow("alice", Set.of("get", "list"), Set.of("configmaps"))
            .allow("alice", Set.of("create"), Set.of("selfsubjectaccessreviews", "tokenreviews"))
            .build()
            .start()) {
      assertThat(new TestHttp(secured).get("/api/v1/namespaces/default/configmaps").code())
          .isEqualTo(401);
      assertThat(new TestHttp(secured, null, "wrong").get("/api/v1/configmaps").code())
          .isEqualTo(401);
      TestHttp alice = new TestHttp(secured, null, "s3cret-token");
      assertThat(alice.get("/api/v1/namespaces/default/configmaps").code()).isEqualTo(200);
      TestHttp.Response denied = alice.post("/api/v1/namespaces/default/configmaps", cm("x", "{}"));
      assertThat(denied.code()).isEqualTo(403);
      assertThat(denied.body().path("message").asText())
          .isEqualTo(
              "configmaps is forbidden: User \"alice\" cannot create resource \"configmaps\" in API"
                  + " group \"\" in the namespace \"default\"");
      assertThat(new TestHttp(secured, null, "other-token").get("/api/v1/pods").code())
          .isEqualTo(403);
      JsonNode review =
          alice
              .post(
                  "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                  "{\"spec\":{\"resourceAttributes\":{\"verb\":\"delete\","
                      + "\"resource\":\"configmaps\"}}}")
              .body();
      assertThat(review.path("status").path("allowed").asBoolean()).isFalse();
      JsonNode tokenReview =
          alice
              .post(
                  "/apis/authentication.k8s.io/v1/tokenreviews",
                  "{\"spec\":{\"token\":\"other-token\"}}")
              .body();
      assertThat(tokenReview.path("status").path("user").path("username").asText())
          .isEqualTo("bob");
      assertThat(tokenReview.toString()).doesNotContain("other-token");
      assertThat(secured.toString()).doesNotContain("s3cret-token");
      assertThat(denied.raw().body()).doesNotContain("s3cret-token");
    }
  }
}
