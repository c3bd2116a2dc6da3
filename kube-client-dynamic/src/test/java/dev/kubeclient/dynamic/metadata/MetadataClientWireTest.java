package dev.kubeclient.dynamic.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.Watch;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact Accept headers and paths of the metadata client, and its fallback. */
class MetadataClientWireTest {
  private static final GroupVersionResource DEPLOYMENTS =
      new GroupVersionResource("apps", "v1", "deployments");
  private static final String PARTIAL =
      "{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\","
          + "\"metadata\":{\"name\":\"web\",\"namespace\":\"prod\",\"labels\":{\"app\":\"web\"}}}";

  private MockWebServer server;
  private MetadataClient metadata;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    metadata =
        MetadataClient.forConfig(
            RestConfig.builder().host(server.url("/").toString()).qps(1000).burst(1000).build());
  }

  @AfterEach
  void stop() throws IOException {
    metadata.close();
    server.shutdown();
  }

  private void answer(String body) {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
  }

  /** Scenario of client-go's {@code TestClient} in the metadata package. */
  @Test
  void calls_sendPartialObjectMetadataAcceptHeaders() throws Exception {
    MetadataResourceClient prod = metadata.resource(DEPLOYMENTS).namespace("prod");
    answer(PARTIAL);
    PartialObjectMetadata web = prod.get("web", GetOptions.none());
    RecordedRequest get = server.takeRequest();
    assertThat(get.getPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web");
    assertThat(get.getHeader("Accept"))
        .isEqualTo("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json");
    assertThat(web.getKind()).isEqualTo("PartialObjectMetadata");
    assertThat(web.getMetadata().getLabels()).containsEntry("app", "web");

    answer(
        "{\"kind\":\"PartialObjectMetadataList\",\"apiVersion\":\"meta.k8s.io/v1\","
            + "\"metadata\":{\"resourceVersion\":\"7\"},\"items\":["
            + PARTIAL
            + "]}");
    PartialObjectMetadataList list = prod.list(ListOptions.none().labelSelector("app=web"));
    RecordedRequest listRequest = server.takeRequest();
    assertThat(listRequest.getPath())
        .isEqualTo("/apis/apps/v1/namespaces/prod/deployments?labelSelector=app%3Dweb");
    assertThat(listRequest.getHeader("Accept"))
        .isEqualTo(
            "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json");
    assertThat(list.getKind()).isEqualTo("PartialObjectMetadataList");
    assertThat(list.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(list.getItems())
        .singleElement()
        .extracting(p -> p.getMetadata().getName())
        .isEqualTo("web");

    answer("{\"type\":\"ADDED\",\"object\":" + PARTIAL + "}\n");
    try (Watch<PartialObjectMetadata> w =
        metadata.resource(DEPLOYMENTS).watch(ListOptions.none())) {
      assertThat(w.next().object().getMetadata().getName()).isEqualTo("web");
    }
    RecordedRequest watch = server.takeRequest();
    assertThat(watch.getPath()).isEqualTo("/apis/apps/v1/deployments?watch=true");
    assertThat(watch.getHeader("Accept"))
        .isEqualTo("application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json");

    answer(PARTIAL);
    prod.patch(
        "web", PatchType.MERGE, "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}", PatchOptions.none());
    RecordedRequest patch = server.takeRequest();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getHeader("Accept")).startsWith("application/json;as=PartialObjectMetadata;");
    assertThat(patch.getHeader("Content-Type")).isEqualTo("application/merge-patch+json");

    answer("{}");
    prod.delete("web", DeleteOptions.none());
    RecordedRequest delete = server.takeRequest();
    assertThat(delete.getMethod() + " " + delete.getPath())
        .isEqualTo("DELETE /apis/apps/v1/namespaces/prod/deployments/web");
    assertThat(delete.getBody().readUtf8())
        .isEqualTo("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"}");
  }

  /** A server that cannot convert sends whole objects: their metadata is kept, the type is not. */
  @Test
  void wholeObjects_fromOldServers_keepOnlyMetadata() {
    answer(
        "{\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"name\":\"web\","
            + "\"uid\":\"u1\"},\"spec\":{\"replicas\":3}}");
    PartialObjectMetadata web =
        metadata.resource(DEPLOYMENTS).namespace("prod").get("web", GetOptions.none());
    assertThat(web.getKind()).isNull();
    assertThat(web.getApiVersion()).isNull();
    assertThat(web.getMetadata().getUid()).isEqualTo("u1");
    answer(
        "{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\",\"items\":[{\"metadata\":{\"name\":\"a\"}}]}");
    PartialObjectMetadataList list = metadata.resource(DEPLOYMENTS).list(ListOptions.none());
    assertThat(list.getKind()).isNull();
    assertThat(list.getItems()).hasSize(1);
    answer("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
    assertThatThrownBy(
            () -> metadata.resource(DEPLOYMENTS).namespace("prod").get("web", GetOptions.none()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("does not look like an object with metadata (kind Status)");
  }
}
