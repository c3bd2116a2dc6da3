package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi/v2} and {@code /openapi/v3} as kube-openapi's handlers serve them: content
 * negotiation, hash-addressed group-version documents (redirected when stale, immutable when
 * current), ETags, and CustomResourceDefinitions showing up in both.
 */
class EmbeddedApiServerOpenApiTest {
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private EmbeddedApiServer server;
  private TestHttp http;
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    http = new TestHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> get(String path, String accept, String ifNoneMatch)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.url().resolve(URI.create(path)));
    if (!accept.isEmpty()) {
      b.header("Accept", accept);
    }
    if (!ifNoneMatch.isEmpty()) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String url(String gv) {
    return http.get("/openapi/v3").body().path("paths").path(gv).path("serverRelativeURL").asText();
  }

  @Test
  void v3Discovery_listsGroupVersionsWithContentHashes() throws Exception {
    String apps = url("apis/apps/v1");

    assertThat(url("api/v1")).matches("/openapi/v3/api/v1\\?hash=[0-9A-F]{128}");
    assertThat(apps).matches("/openapi/v3/apis/apps/v1\\?hash=[0-9A-F]{128}");
    HttpResponse<byte[]> doc = get(apps, "application/json", "");
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.headers().firstValue("Cache-Control")).hasValue("public, immutable");
    assertThat(doc.headers().firstValue("Etag"))
        .hasValue("\"" + apps.substring(apps.indexOf('=') + 1) + "\"");
    JsonNode json = TestHttp.MAPPER.readTree(doc.body());
    assertThat(json.path("openapi").asText()).isEqualTo("3.0.0");
    JsonNode deployment =
        json.path("components").path("schemas").path("io.k8s.api.apps.v1.Deployment");
    assertThat(deployment.path("x-kubernetes-group-version-kind").get(0).path("kind").asText())
        .isEqualTo("Deployment");
    assertThat(
            deployment.path("properties").path("spec").path("allOf").get(0).path("$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec");
    JsonNode patch =
        json.path("paths")
            .path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
            .path("patch");
    assertThat(patch.path("operationId").asText()).isEqualTo("patchAppsV1NamespacedDeployment");
    assertThat(patch.path("parameters").findValuesAsText("name")).contains("fieldValidation");
  }

  @Test
  void v3GroupVersion_staleHashRedirects_andMatchingEtagIs304() throws Exception {
    String apps = url("apis/apps/v1");
    String hash = apps.substring(apps.indexOf('=') + 1);

    HttpResponse<byte[]> stale = get("/openapi/v3/apis/apps/v1?hash=ABC", "application/json", "");
    HttpResponse<byte[]> cached = get(apps, "application/json", "\"" + hash + "\"");

    assertThat(stale.statusCode()).isEqualTo(301);
    assertThat(stale.headers().firstValue("Location")).hasValue(apps);
    assertThat(cached.statusCode()).isEqualTo(304);
  }

  @Test
  void crd_appearsInV3AndV2_andOnlyItsGroupVersionChanges() throws Exception {
    String appsBefore = url("apis/apps/v1");
    assertThat(http.post(CRDS, CustomResourceSchemaTest.CRD).code()).isEqualTo(201);

    JsonNode doc =
        TestHttp.MAPPER.readTree(get(url("apis/example.com/v1"), "application/json", "").body());
    JsonNode widget = doc.path("components").path("schemas").path("com.example.v1.Widget");
    JsonNode v2 = http.get("/openapi/v2").body();
    JsonNode widgetV2 = v2.path("definitions").path("com.example.v1.Widget");

    assertThat(url("apis/apps/v1")).isEqualTo(appsBefore);
    assertThat(
            widget.path("properties").path("metadata").path("allOf").get(0).path("$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(widget.path("properties").path("spec").path("required").get(0).asText())
        .isEqualTo("size");
    assertThat(widget.path("properties").path("spec").path("properties").path("port").path("anyOf"))
        .hasSize(2);
    assertThat(doc.path("components").path("schemas").has("com.example.v1.WidgetList")).isTrue();
    assertThat(widgetV2.path("properties").path("metadata").path("$ref").asText())
        .isEqualTo("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    JsonNode specV2 = widgetV2.path("properties").path("spec").path("properties");
    assertThat(specV2.path("replicas").has("default")).as("defaults pruned in v2").isFalse();
    assertThat(specV2.path("nick").has("type")).as("nullable loses its type in v2").isFalse();
    assertThat(v2.path("paths").has("/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"))
        .isTrue();
    assertThat(v2.path("definitions").has("io.k8s.api.core.v1.Pod")).isTrue();
  }

  private static void collectRefs(JsonNode node, java.util.Set<String> into) {
    if (node.isObject() && node.path("$ref").isTextual()) {
      into.add(node.get("$ref").asText());
    }
    node.elements().forEachRemaining(child -> collectRefs(child, into));
  }

  @Test
  void everyReference_resolvesWithinItsDocument() throws Exception {
    assertThat(http.post(CRDS, CustomResourceSchemaTest.CRD).code()).isEqualTo(201);
    for (String gv : java.util.List.of("apis/apps/v1", "api/v1", "apis/example.com/v1")) {
      JsonNode doc = TestHttp.MAPPER.readTree(get(url(gv), "application/json", "").body());
      java.util.Set<String> refs = new java.util.TreeSet<>();
      collectRefs(doc, refs);
      assertThat(refs).as(gv).isNotEmpty();
      for (String ref : refs) {
        String name = ref.substring("#/components/schemas/".length());
        assertThat(doc.path("components").path("schemas").has(name)).as(gv + " " + ref).isTrue();
      }
    }
    JsonNode v2 = http.get("/openapi/v2").body();
    java.util.Set<String> refs = new java.util.TreeSet<>();
    collectRefs(v2, refs);
    for (String ref : refs) {
      assertThat(v2.path("definitions").has(ref.substring("#/definitions/".length())))
          .as(ref)
          .isTrue();
    }
    assertThat(v2.path("definitions").has("io.k8s.api.apps.v1.Deployment")).isTrue();
  }

  @Test
  void v2_servesJsonOrProtobufByAccept_and406Otherwise() throws Exception {
    HttpResponse<byte[]> json = get("/openapi/v2", "application/json", "");
    HttpResponse<byte[]> proto =
        get("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf", "");
    HttpResponse<byte[]> html = get("/openapi/v2", "text/html", "");

    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(TestHttp.MAPPER.readTree(json.body()).path("swagger").asText()).isEqualTo("2.0");
    assertThat(proto.statusCode()).isEqualTo(200);
    assertThat(proto.headers().firstValue("Content-Type"))
        .hasValue("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
    // Field 1 (swagger), length-delimited, "2.0".
    assertThat(new String(proto.body(), 0, 5, StandardCharsets.ISO_8859_1))
        .isEqualTo("\n\u00032.0");
    assertThat(html.statusCode()).isEqualTo(406);
  }
}
