package dev.kubeclient.dynamic.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.discovery.restmapper.DefaultRESTMapper;
import dev.kubeclient.discovery.restmapper.RESTScope;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.manifest.DocumentResult.Outcome;
import dev.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The applier's requests, and its bounded wait for a CRD that never becomes Established. */
class ManifestApplierWireTest {
  private static final String CRD_PATH =
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gears.x.example.com";
  private static final String CRD =
      "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
          + "\"metadata\":{\"name\":\"gears.x.example.com\",\"resourceVersion\":\"1\"},"
          + "\"spec\":{\"group\":\"x.example.com\",\"names\":{\"plural\":\"gears\",\"kind\":\"Gear\"},"
          + "\"scope\":\"Namespaced\"},\"status\":{\"conditions\":[{\"type\":\"NamesAccepted\","
          + "\"status\":\"True\"},{\"type\":\"Established\",\"status\":\"False\"}]}}";

  private MockWebServer server;
  private DynamicClient dynamic;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicBoolean applied = new AtomicBoolean();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            requests.add(r);
            if (r.getPath().startsWith(CRD_PATH) && r.getMethod().equals("PATCH")) {
              applied.set(true);
              return json(201, CRD);
            }
            if (r.getPath().startsWith(CRD_PATH) && applied.get()) {
              return json(200, CRD);
            }
            return json(
                404,
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"reason\":\"NotFound\",\"code\":404}");
          }
        });
    server.start();
    dynamic =
        DynamicClient.forConfig(
            RestConfig.builder().host(server.url("/").toString()).qps(1000).burst(1000).build());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  @AfterEach
  void stop() throws IOException {
    dynamic.close();
    server.shutdown();
  }

  @Test
  void crdNeverEstablished_itsResourcesFailAfterTheBound_withoutBeingSent() {
    GroupVersion crds = new GroupVersion("apiextensions.k8s.io", "v1");
    GroupVersion x = new GroupVersion("x.example.com", "v1");
    DefaultRESTMapper mapper = new DefaultRESTMapper(List.of(crds, x));
    mapper.add(crds.withKind("CustomResourceDefinition"), RESTScope.ROOT);
    mapper.add(x.withKind("Gear"), RESTScope.NAMESPACE);
    ManifestApplier applier =
        ManifestApplier.builder(dynamic, mapper)
            .fieldManager("installer")
            .establishTimeout(Duration.ofMillis(300))
            .build();
    long start = System.nanoTime();
    ManifestResult result =
        applier.apply(
            """
            apiVersion: x.example.com/v1
            kind: Gear
            metadata: {name: g1}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: gears.x.example.com}
            spec: {group: x.example.com, scope: Namespaced, names: {plural: gears, kind: Gear}}
            """);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(result.documents().get(1).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.documents().get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.documents().get(0).error())
        .hasMessage(
            "<inline>: document 0 (line 1): not applied: its CustomResourceDefinition"
                + " gears.x.example.com was not Established within PT0.3S");
    RecordedRequest apply =
        requests.stream().filter(r -> r.getMethod().equals("PATCH")).findFirst().orElseThrow();
    assertThat(apply.getPath()).isEqualTo(CRD_PATH + "?fieldManager=installer&force=false");
    assertThat(apply.getHeader("Content-Type")).isEqualTo("application/apply-patch+yaml");
    assertThat(requests).noneMatch(r -> r.getPath().startsWith("/apis/x.example.com/"));
    assertThat(requests.stream().filter(r -> r.getMethod().equals("GET")).count()).isGreaterThan(2);
  }

  /** A mapper without the kind: the document fails with the mapper's message. */
  @Test
  void unknownKind_failsWithTheMappersMessage() {
    ManifestApplier applier =
        ManifestApplier.builder(dynamic, new DefaultRESTMapper(List.of()))
            .fieldManager("installer")
            .build();
    ManifestResult result =
        applier.apply("apiVersion: y.example.com/v2\nkind: Sprocket\nmetadata: {name: s}\n");
    assertThat(result.documents().get(0).error())
        .hasMessage(
            "<inline>: document 0 (line 1): no matches for kind \"Sprocket\" in version"
                + " \"y.example.com/v2\"");
    assertThat(requests).isEmpty();
  }
}
