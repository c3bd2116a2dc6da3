package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /version} and discovery agree on one Kubernetes version: 1.36 and the group versions its
 * default API server serves, in both the legacy and the aggregated form.
 */
class EmbeddedApiServerDiscoveryTest {
  private static final String V2 =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
  private static final String V2BETA1 =
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

  private final HttpClient client = HttpClient.newHttpClient();
  private EmbeddedApiServer server;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path, String accept) {
    return send(server, path, accept);
  }

  private HttpResponse<String> send(EmbeddedApiServer target, String path, String accept) {
    try {
      return client.send(
          HttpRequest.newBuilder(target.url().resolve(path)).header("Accept", accept).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return TestHttp.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void version_isTheSpecsKubernetesVersion() {
    JsonNode v = json(get("/version", "application/json"));
    assertThat(v.path("major").asText()).isEqualTo("1");
    assertThat(v.path("minor").asText()).isEqualTo("36");
    assertThat(v.path("gitVersion").asText()).isEqualTo("v1.36.0");
    assertThat(v.path("emulationMinor").asText()).isEqualTo("36");
    assertThat(v.path("minCompatibilityMinor").asText()).isEqualTo("35");
    assertThat(v.path("platform").asText()).matches("[a-z]+/[a-z0-9]+");
  }

  @Test
  void defaultServer_servesOnlyGaGroupVersions() {
    JsonNode groups = json(get("/apis", "application/json")).path("groups");
    List<String> versions = new ArrayList<>();
    groups.forEach(
        g -> g.path("versions").forEach(v -> versions.add(v.path("groupVersion").asText())));
    assertThat(versions)
        .contains("apps/v1", "autoscaling/v2", "autoscaling/v1", "resource.k8s.io/v1")
        .allMatch(v -> v.matches(".*/v\\d+"), "GA only");
    assertThat(get("/apis/resource.k8s.io/v1beta1", "application/json").statusCode())
        .isEqualTo(404);
    assertThat(get("/apis/resource.k8s.io/v1beta1/deviceclasses", "application/json").statusCode())
        .isEqualTo(404);
    assertThat(get("/apis/internal.apiserver.k8s.io", "application/json").statusCode())
        .isEqualTo(404);
  }

  /** Groups come in the aggregator's priority order, as a real /apis lists them. */
  @Test
  void groups_inTheAggregatorsOrder() {
    JsonNode groups = json(get("/apis", "application/json")).path("groups");
    List<String> names = new ArrayList<>();
    groups.forEach(g -> names.add(g.path("name").asText()));
    assertThat(names)
        .startsWith("apiregistration.k8s.io", "apps", "events.k8s.io", "authentication.k8s.io")
        .containsSubsequence("rbac.authorization.k8s.io", "storage.k8s.io", "apiextensions.k8s.io")
        .endsWith("flowcontrol.apiserver.k8s.io", "resource.k8s.io");
  }

  @Test
  void enableVersions_servesTheNamedOnesOrAll() {
    try (EmbeddedApiServer beta =
        EmbeddedApiServer.newBuilder()
            .https(false)
            .enableVersions("resource.k8s.io/v1beta1")
            .build()
            .start()) {
      HttpResponse<String> r = send(beta, "/apis/resource.k8s.io", "application/json");
      JsonNode group = json(r);
      assertThat(group.path("preferredVersion").path("version").asText()).isEqualTo("v1");
      assertThat(group.path("versions").toString()).contains("v1beta1").doesNotContain("v1beta2");
    }
    try (EmbeddedApiServer all =
        EmbeddedApiServer.newBuilder().https(false).enableVersions("api/all").build().start()) {
      assertThat(
              send(all, "/apis/internal.apiserver.k8s.io/v1alpha1", "application/json")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              send(all, "/apis/storagemigration.k8s.io/v1beta1", "application/json").statusCode())
          .isEqualTo(200);
    }
    assertThatThrownBy(() -> EmbeddedApiServer.newBuilder().enableVersions("example.com/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown group version 'example.com/v1'");
  }

  /** The exact v2 shape of one resource with subresources, and of the core group's item. */
  @Test
  void aggregatedV2_hasTheApiServersShape() {
    HttpResponse<String> r = get("/apis", V2 + ",application/json");
    assertThat(r.headers().firstValue("Content-Type")).contains(V2);
    assertThat(r.headers().firstValue("Vary")).contains("Accept");
    JsonNode list = json(r);
    assertThat(list.path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
    assertThat(list.path("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2");
    assertThat(list.path("metadata").toString()).isEqualTo("{}");
    JsonNode apps = null;
    for (JsonNode item : list.path("items")) {
      if (item.path("metadata").path("name").asText().equals("apps")) {
        apps = item;
      }
    }
    assertThat(apps).isNotNull();
    assertThat(apps.path("metadata").toString()).isEqualTo("{\"name\":\"apps\"}");
    JsonNode v1 = apps.path("versions").get(0);
    assertThat(v1.path("version").asText()).isEqualTo("v1");
    assertThat(v1.path("freshness").asText()).isEqualTo("Current");
    JsonNode deployments = null;
    for (JsonNode res : v1.path("resources")) {
      if (res.path("resource").asText().equals("deployments")) {
        deployments = res;
      }
    }
    assertThat(deployments.toString())
        .isEqualTo(
            "{\"resource\":\"deployments\",\"responseKind\":{\"group\":\"apps\",\"version\":\"v1\","
                + "\"kind\":\"Deployment\"},\"scope\":\"Namespaced\",\"singularResource\":"
                + "\"deployment\",\"verbs\":[\"create\",\"delete\",\"deletecollection\",\"get\","
                + "\"list\",\"patch\",\"update\",\"watch\"],\"shortNames\":[\"deploy\"],"
                + "\"categories\":[\"all\"],\"subresources\":[{\"subresource\":\"scale\","
                + "\"responseKind\":{\"group\":\"autoscaling\",\"version\":\"v1\",\"kind\":"
                + "\"Scale\"},\"verbs\":[\"get\",\"patch\",\"update\"]},{\"subresource\":"
                + "\"status\",\"responseKind\":{\"group\":\"apps\",\"version\":\"v1\",\"kind\":"
                + "\"Deployment\"},\"verbs\":[\"get\",\"patch\",\"update\"]}]}");
    JsonNode core = json(get("/api", V2)).path("items");
    assertThat(core).hasSize(1);
    assertThat(core.get(0).path("metadata").toString()).isEqualTo("{}");
    assertThat(core.get(0).path("versions").get(0).path("version").asText()).isEqualTo("v1");
  }

  @Test
  void aggregatedV2beta1_isStillServed() {
    HttpResponse<String> r = get("/api", V2BETA1 + ",application/json");
    assertThat(r.headers().firstValue("Content-Type")).contains(V2BETA1);
    assertThat(json(r).path("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2beta1");
  }

  /** The server negotiates as the API server does: q values, then order; protobuf passed over. */
  @Test
  void accept_negotiatesByQualityThenOrder() {
    assertThat(json(get("/apis", "application/json," + V2)).path("kind").asText())
        .isEqualTo("APIGroupList");
    assertThat(json(get("/apis", "application/json;q=0.5," + V2)).path("kind").asText())
        .isEqualTo("APIGroupDiscoveryList");
    assertThat(
            json(get(
                    "/apis",
                    "application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;"
                        + "as=APIGroupDiscoveryList,"
                        + "application/json; as=APIGroupDiscoveryList; v=v2;"
                        + " g=apidiscovery.k8s.io,application/json"))
                .path("apiVersion")
                .asText())
        .isEqualTo("apidiscovery.k8s.io/v2");
    assertThat(json(get("/api", "*/*")).path("kind").asText()).isEqualTo("APIVersions");
    assertThat(
            json(get("/apis", V2 + ";profile=nopeer," + V2 + ",application/json"))
                .path("kind")
                .asText())
        .isEqualTo("APIGroupDiscoveryList");
  }

  /** kubectl, as an independent judge, sees version 1.36 and exactly the served group versions. */
  @Test
  void kubectl_versionAndApiVersions_agreeWithDiscovery(@TempDir Path home) throws Exception {
    String kubectl = findKubectl();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    JsonNode version = TestHttp.MAPPER.readTree(kubectl(kubectl, home, "version", "-o", "json"));
    assertThat(version.path("serverVersion").path("minor").asText()).isEqualTo("36");
    List<String> expected = new ArrayList<>(List.of("v1"));
    json(get("/apis", "application/json"))
        .path("groups")
        .forEach(
            g -> g.path("versions").forEach(v -> expected.add(v.path("groupVersion").asText())));
    List<String> listed = List.of(kubectl(kubectl, home, "api-versions").strip().split("\n"));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
  }

  private String kubectl(String kubectl, Path home, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(kubectl, "--kubeconfig=" + server.kubeconfigPath()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("KUBECONFIG");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl %s", String.join(" ", args)).isZero();
    return out;
  }

  private static String findKubectl() {
    String path = System.getenv("PATH");
    for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
      File f = new File(d, "kubectl");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }
}
