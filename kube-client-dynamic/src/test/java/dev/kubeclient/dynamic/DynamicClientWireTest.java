package dev.kubeclient.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.errors.ConflictException;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.meta.v1.ManagedFieldsEntry;
import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.Watch;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests of the dynamic client, as client-go's golden files record them. */
class DynamicClientWireTest {
  private static final GroupVersionResource FLIPS =
      new GroupVersionResource("flops", "v1alpha1", "flips");
  private static final String OBJECT =
      "{\"apiVersion\":\"flops/v1alpha1\",\"kind\":\"Flip\",\"metadata\":{\"name\":\"mips\"}}";

  private MockWebServer server;
  private DynamicClient dynamic;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    dynamic =
        DynamicClient.forConfig(
            RestConfig.builder().host(server.url("/").toString()).qps(1000).burst(1000).build());
  }

  @AfterEach
  void stop() throws IOException {
    dynamic.close();
    server.shutdown();
  }

  private static Unstructured mips() {
    return new Unstructured().setName("mips");
  }

  /** The request {@code call} sends, as method, path, Accept, Content-Type and body. */
  private String request(String response, Consumer<ResourceInterface> call) throws Exception {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(response));
    call.accept(dynamic.resource(FLIPS).namespace("mops"));
    RecordedRequest r = server.takeRequest();
    String body = r.getBody().readUtf8();
    return r.getMethod()
        + " "
        + r.getPath()
        + "\nAccept: "
        + r.getHeader("Accept")
        + (r.getHeader("Content-Type") == null
            ? ""
            : "\nContent-Type: " + r.getHeader("Content-Type"))
        + (body.isEmpty() ? "" : "\n\n" + body);
  }

  /** Scenarios of client-go's {@code TestGoldenRequest}. */
  @Test
  void everyVerb_sendsClientGosRequest() throws Exception {
    assertThat(
            request(
                OBJECT, c -> c.create(mips(), CreateOptions.none().fieldValidation("Warn"), "fin")))
        .isEqualTo(
            "POST /apis/flops/v1alpha1/namespaces/mops/flips/mips/fin?fieldValidation=Warn\n"
                + "Accept: application/json\nContent-Type: application/json\n\n"
                + "{\"metadata\":{\"name\":\"mips\"}}");
    assertThat(request(OBJECT, c -> c.get("mips", GetOptions.none().resourceVersion("42"), "fin")))
        .isEqualTo(
            "GET /apis/flops/v1alpha1/namespaces/mops/flips/mips/fin?resourceVersion=42\n"
                + "Accept: application/json");
    assertThat(
            request(
                OBJECT, c -> c.update(mips(), UpdateOptions.none().fieldValidation("Warn"), "fin")))
        .isEqualTo(
            "PUT /apis/flops/v1alpha1/namespaces/mops/flips/mips/fin?fieldValidation=Warn\n"
                + "Accept: application/json\nContent-Type: application/json\n\n"
                + "{\"metadata\":{\"name\":\"mips\"}}");
    assertThat(
            request(
                OBJECT, c -> c.updateStatus(mips(), UpdateOptions.none().fieldValidation("Warn"))))
        .startsWith(
            "PUT /apis/flops/v1alpha1/namespaces/mops/flips/mips/status?fieldValidation=Warn");
    assertThat(request("{}", c -> c.delete("mips", DeleteOptions.none().dryRun(), "fin")))
        .isEqualTo(
            "DELETE /apis/flops/v1alpha1/namespaces/mops/flips/mips/fin\n"
                + "Accept: application/json\nContent-Type: application/json\n\n"
                + "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"dryRun\":[\"All\"]}");
    assertThat(
            request(
                "{}",
                c ->
                    c.deleteCollection(
                        DeleteOptions.none().dryRun(), ListOptions.none().resourceVersion("42"))))
        .isEqualTo(
            "DELETE /apis/flops/v1alpha1/namespaces/mops/flips?resourceVersion=42\n"
                + "Accept: application/json\nContent-Type: application/json\n\n"
                + "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"dryRun\":[\"All\"]}");
    assertThat(
            request(
                "{\"kind\":\"FlipList\",\"apiVersion\":\"flops/v1alpha1\",\"items\":[]}",
                c -> c.list(ListOptions.none().resourceVersion("42"))))
        .isEqualTo(
            "GET /apis/flops/v1alpha1/namespaces/mops/flips?resourceVersion=42\n"
                + "Accept: application/json");
    assertThat(
            request(
                "",
                c -> {
                  try (Watch<Unstructured> w = c.watch(ListOptions.none().resourceVersion("42"))) {
                    assertThat(w.hasNext()).isFalse();
                  }
                }))
        .isEqualTo(
            "GET /apis/flops/v1alpha1/namespaces/mops/flips?resourceVersion=42&watch=true\n"
                + "Accept: application/json");
    assertThat(
            request(
                OBJECT,
                c ->
                    c.patch(
                        "mips",
                        PatchType.STRATEGIC_MERGE,
                        "{\"foo\":\"bar\"}",
                        PatchOptions.none().fieldManager("baz"),
                        "fin")))
        .isEqualTo(
            "PATCH /apis/flops/v1alpha1/namespaces/mops/flips/mips/fin?fieldManager=baz\n"
                + "Accept: application/json\nContent-Type: application/strategic-merge-patch+json\n\n"
                + "{\"foo\":\"bar\"}");
    assertThat(
            request(
                OBJECT,
                c -> c.apply("mips", mips(), ApplyOptions.fieldManager("m").force(), "fin")))
        .isEqualTo(
            "PATCH /apis/flops/v1alpha1/namespaces/mops/flips/mips/fin?fieldManager=m&force=true\n"
                + "Accept: application/json\nContent-Type: application/apply-patch+yaml\n\n"
                + "{\"metadata\":{\"name\":\"mips\"}}");
    assertThat(request(OBJECT, c -> c.applyStatus("mips", mips(), ApplyOptions.fieldManager("m"))))
        .startsWith(
            "PATCH /apis/flops/v1alpha1/namespaces/mops/flips/mips/status?fieldManager=m&force=false");
  }

  @Test
  void patchTypes_sendTheirContentTypes() throws Exception {
    for (PatchType type : PatchType.values()) {
      assertThat(request(OBJECT, c -> c.patch("mips", type, "{}", PatchOptions.none())))
          .contains("Content-Type: " + type.contentType());
    }
  }

  @Test
  void paths_coreGroupClusterScopedAndAllNamespaces() throws Exception {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(OBJECT));
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(OBJECT));
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[{\"metadata\":{\"name\":\"p\"}}]}"));
    dynamic.resource(new GroupVersionResource("", "v1", "pods")).namespace("default").get("p");
    dynamic.resource(new GroupVersionResource("", "v1", "nodes")).get("n1");
    var pods = dynamic.resource(new GroupVersionResource("", "v1", "pods")).list();
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/namespaces/default/pods/p");
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/nodes/n1");
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/pods");
    assertThat(pods.getItems().get(0).getKind()).isEqualTo("Pod");
    assertThat(pods.getItems().get(0).getApiVersion()).isEqualTo("v1");
  }

  @Test
  void errors_areTheApiExceptionsOfTheirStatus() {
    server.enqueue(status(404, "NotFound"));
    server.enqueue(status(409, "Conflict"));
    ResourceInterface flips = dynamic.resource(FLIPS).namespace("mops");
    assertThatThrownBy(() -> flips.get("mips")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> flips.update(mips())).isInstanceOf(ConflictException.class);
  }

  /** Throttled answers are retried after Retry-After, as for the typed clients. */
  @Test
  void tooManyRequests_isRetriedAfterRetryAfter() throws Exception {
    server.enqueue(status(429, "TooManyRequests").setHeader("Retry-After", "0"));
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(OBJECT));
    assertThat(dynamic.resource(FLIPS).namespace("mops").get("mips").getName()).isEqualTo("mips");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  private static MockResponse status(int code, String reason) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\""
                + reason
                + "\",\"code\":"
                + code
                + "}");
  }

  @Test
  void badArguments_failBeforeAnyRequest() {
    NamespaceableResourceInterface flips = dynamic.resource(FLIPS);
    assertThatThrownBy(() -> flips.get(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flips: name is required");
    assertThatThrownBy(() -> flips.update(new Unstructured().setKind("Flip")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot update Flip without metadata.name");
    assertThatThrownBy(() -> flips.namespace("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid namespace 'a/b'");
    Unstructured withManagedFields =
        mips().setManagedFields(List.of(new ManagedFieldsEntry().manager("other")));
    assertThatThrownBy(() -> flips.apply("mips", withManagedFields, ApplyOptions.fieldManager("m")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot apply Unstructured{null null mips} with managedFields");
    assertThatThrownBy(() -> dynamic.resource(new GroupVersionResource("apps", "", "deployments")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no version");
    assertThat(server.getRequestCount()).isZero();
  }
}
