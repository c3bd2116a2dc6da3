package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.Errors;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire tests of the request builder, retries, throttling, warnings and error mapping. */
class RESTClientTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private Transport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport = transport(RestConfig.builder());
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private Transport transport(RestConfig.Builder b) {
    RestConfig config =
        b.host(server.url("/").toString())
            .qps(1000)
            .burst(1000)
            .warningHandler((code, agent, text) -> warnings.add(code + " " + text))
            .build();
    return Transport.forConfig(config, clock, Map.of());
  }

  private RESTClient client(String gv) {
    return RESTClient.forTransport(transport, gv);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void get_namespacedSubresourceAndParams_buildsClientGoPath() throws Exception {
    server.enqueue(json(200, "{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}"));
    TestObject d =
        client("apps/v1")
            .get()
            .namespace("prod")
            .resource("deployments")
            .name("web")
            .subResource("scale")
            .param("labelSelector", "app in (a,b)")
            .param("limit", 5)
            .execute(TestObject.class);
    assertThat(d.name()).isEqualTo("web");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath())
        .isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/scale");
    assertThat(r.getUrl().queryParameter("labelSelector")).isEqualTo("app in (a,b)");
    assertThat(r.getUrl().queryParameter("limit")).isEqualTo("5");
    assertThat(r.getUrl().queryParameter("timeout")).isNull();
    assertThat(r.getHeaders().get("User-Agent")).startsWith("kube-client/");
    assertThat(r.getHeaders().get("Accept")).contains("application/json");
  }

  @Test
  void get_coreGroupAllNamespaces_usesApiPrefixWithoutNamespace() throws Exception {
    server.enqueue(json(200, "{\"items\":[]}"));
    client("v1").get().namespace("").resource("pods").execute(TestObjectList.class);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/pods");
  }

  @Test
  void absPath_ignoresGroupVersion() throws Exception {
    server.enqueue(json(200, "{}"));
    client("apps/v1").get().absPath("/version").executeRaw();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/version");
  }

  @Test
  void post_objectBody_sentAsJsonWithoutNulls() throws Exception {
    server.enqueue(json(201, "{\"metadata\":{\"name\":\"x\"}}"));
    TestObject o = new TestObject();
    o.kind = "ConfigMap";
    o.data = "v";
    client("v1").post().namespace("ns").resource("configmaps").body(o).execute(TestObject.class);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(r.getBody().utf8()).isEqualTo("{\"kind\":\"ConfigMap\",\"data\":\"v\"}");
  }

  @Test
  void patch_type_setsContentTypeAndRawBody() throws Exception {
    server.enqueue(json(200, "{}"));
    client("v1")
        .patch(PatchType.MERGE)
        .namespace("ns")
        .resource("configmaps")
        .name("c")
        .body("{\"data\":{\"a\":\"b\"}}")
        .execute();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/merge-patch+json");
    assertThat(r.getBody().utf8()).isEqualTo("{\"data\":{\"a\":\"b\"}}");
  }

  @Test
  void timeout_setsQueryParameterOnUnaryCalls() throws Exception {
    server.enqueue(json(200, "{}"));
    client("v1").delete().resource("pods").name("p").timeout(Duration.ofSeconds(7)).execute();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getUrl().queryParameter("timeout")).isEqualTo("7s");
  }

  @Test
  void builder_invalidParts_failAtOnceNamingTheValue() {
    RESTClient c = client("v1");
    assertThatThrownBy(() -> c.get().resource("pods").resource("nodes"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("resource already set to 'pods', cannot change to 'nodes'");
    assertThatThrownBy(() -> c.get().name(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resource name may not be empty");
    assertThatThrownBy(() -> c.get().name("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a/b'");
    assertThatThrownBy(() -> c.get().namespace("a").namespace("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'a'")
        .hasMessageContaining("'b'");
    assertThatThrownBy(() -> c.get().namespace(".."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..'");
    assertThatThrownBy(() -> c.get().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> c.get().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries must not be negative: -1");
    assertThatThrownBy(() -> c.verb("get"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'get'");
    for (String bad : new String[] {"", "GE T", "GET1", "@", "[", "GÉT"}) {
      assertThatThrownBy(() -> c.verb(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThat(c.verb("PROPFIND").verb()).isEqualTo("PROPFIND");
    assertThatThrownBy(() -> c.get().resource(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("resource == null");
    assertThatThrownBy(() -> RESTClient.forTransport(transport, "/apps/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'/apps/v1'");
  }

  @Test
  void execute_statusBody_mapsToApiErrorWithCodeAndReason() {
    server.enqueue(
        json(
            404,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\","
                + "\"message\":\"pods \\\"p\\\" not found\",\"code\":404}"));
    Request r = client("v1").get().namespace("ns").resource("pods").name("p");
    assertThatThrownBy(() -> r.execute(TestObject.class))
        .isInstanceOf(dev.kubeclient.core.errors.NotFoundException.class)
        .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(404))
        .hasMessageContaining("NotFound")
        .hasMessageContaining("pods \"p\" not found")
        .hasMessageContaining("/api/v1/namespaces/ns/pods/p");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void execute_htmlErrorBody_givesCodeAndTruncatedBody() {
    String html = "<html>" + "x".repeat(5000) + "</html>";
    server.enqueue(new MockResponse.Builder().code(502).body(html).build());
    assertThatThrownBy(() -> client("v1").get().resource("pods").execute(TestObject.class))
        .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(502))
        .isInstanceOf(dev.kubeclient.core.errors.InternalErrorException.class)
        .hasMessageContaining("an error on the server")
        .hasMessageContaining("<html>xxx")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1300));
  }

  @Test
  void execute_largeList_decodedWholeAndInOrder() {
    StringBuilder body = new StringBuilder("{\"kind\":\"TestObjectList\",\"items\":[");
    for (int i = 0; i < 5_000; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"metadata\":{\"name\":\"o")
          .append(i)
          .append("\"},\"data\":\"")
          .append("x".repeat(i % 300))
          .append("\"}");
    }
    server.enqueue(
        json(200, body.append("],\"metadata\":{\"resourceVersion\":\"7\"}}").toString()));
    TestObjectList list = client("v1").get().resource("pods").execute(TestObjectList.class);
    assertThat(list.getItems()).hasSize(5_000);
    for (int i = 0; i < 5_000; i++) {
      assertThat(list.getItems().get(i).name()).isEqualTo("o" + i);
    }
    assertThat(list.getMetadata().getResourceVersion()).isEqualTo("7");
  }

  @Test
  void execute_listWithBadItem_namesTheItemNotItsValue() {
    StringBuilder body = new StringBuilder("{\"kind\":\"TestObjectList\",\"items\":[");
    for (int i = 0; i < 3_000; i++) {
      body.append(i == 0 ? "" : ",")
          .append(i == 2_500 ? "{\"data\":{\"secret\":\"secret-value\"}}" : "{\"data\":\"d\"}");
    }
    server.enqueue(json(200, body.append("]}").toString()));
    assertThatThrownBy(() -> client("v1").get().resource("pods").execute(TestObjectList.class))
        .isInstanceOf(dev.kubeclient.core.codec.DecodeException.class)
        .hasMessageContaining("/api/v1/pods")
        .hasMessageContaining("[\"items\"]->java.util.ArrayList[2500]")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void execute_truncatedList_failsNamingTheRequest() {
    server.enqueue(json(200, "{\"kind\":\"TestObjectList\",\"items\":[{\"data\":\"a\"},{\"da"));
    assertThatThrownBy(() -> client("v1").get().resource("pods").execute(TestObjectList.class))
        .isInstanceOf(dev.kubeclient.core.codec.DecodeException.class)
        .hasMessageContaining("/api/v1/pods");
  }

  @Test
  void execute_garbageSuccessBody_namesRequestAndPosition() {
    server.enqueue(json(200, "{\"metadata\": {\"name\": secret-value}}"));
    assertThatThrownBy(
            () -> client("v1").get().resource("pods").name("p").execute(TestObject.class))
        .isInstanceOf(dev.kubeclient.core.codec.DecodeException.class)
        .hasMessageContaining("GET")
        .hasMessageContaining("/api/v1/pods/p")
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void retry_429WithRetryAfter_retriesAfterThatDelay() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "1").build());
    server.enqueue(json(200, "{\"metadata\":{\"name\":\"ok\"}}"));
    TestObject o = client("v1").post().resource("pods").body("{}").execute(TestObject.class);
    assertThat(o.name()).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(clock.sleeps).containsExactly(3_000_000_000L, 1_000_000_000L);
    server.takeRequest();
    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{}");
  }

  /** Scenario of client-go's {@code TestRequestMaxRetries}: ten retries after the first try. */
  @Test
  void retry_alwaysRetryAfter_givesUpAfterTenRetries() {
    for (int i = 0; i < 11; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "1")
              .body(
                  "{\"kind\":\"Status\",\"code\":429,\"reason\":\"TooManyRequests\",\"message\":\"slow down\"}")
              .build());
    }
    RESTClient c = client("v1");
    assertThatThrownBy(() -> c.get().resource("pods").execute(TestObject.class))
        .isInstanceOf(dev.kubeclient.core.errors.TooManyRequestsException.class)
        .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(429))
        .satisfies(e -> assertThat(Errors.suggestsClientDelay(e)).hasValue(1))
        .hasMessageContaining("slow down")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .extracting(Throwable::getMessage)
                    .isEqualTo(
                        "GET "
                            + server.url("/api/v1/pods")
                            + ": gave up after 10 retries, each try answered 429 with Retry-After"));
    assertThat(server.getRequestCount()).isEqualTo(11);
    assertThat(clock.sleeps).hasSize(10);
  }

  @Test
  void retry_retryAfterBeyondDeadline_failsAtOnce() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());
    RESTClient c = client("v1");
    assertThatThrownBy(
            () ->
                c.get().resource("pods").timeout(Duration.ofSeconds(10)).execute(TestObject.class))
        .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(429));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void retry_500WithoutRetryAfterOr409_failsAtOnce() {
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(409).addHeader("Retry-After", "1").build());
    RESTClient c = client("v1");
    assertThatThrownBy(() -> c.get().resource("pods").execute(TestObject.class))
        .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(500));
    assertThatThrownBy(
            () -> c.put().resource("pods").name("p").body("{}").execute(TestObject.class))
        .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(409));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void retry_connectionDroppedOnGet_retriedAfterOneSecond() throws Exception {
    try (DroppingServer dropping = new DroppingServer(1, "{\"metadata\":{\"name\":\"again\"}}");
        Transport t =
            Transport.forConfig(
                RestConfig.builder().host(dropping.url()).build(), clock, Map.of())) {
      TestObject o =
          RESTClient.forTransport(t, "v1")
              .get()
              .resource("pods")
              .name("p")
              .execute(TestObject.class);
      assertThat(o.name()).isEqualTo("again");
      assertThat(dropping.requests).hasValue(2);
      assertThat(clock.sleeps).containsExactly(1_000_000_000L);
    }
  }

  @Test
  void retry_connectionDroppedOnPost_notRetried() throws Exception {
    try (DroppingServer dropping = new DroppingServer(1, "{}");
        Transport t =
            Transport.forConfig(
                RestConfig.builder().host(dropping.url()).build(), clock, Map.of())) {
      RESTClient c = RESTClient.forTransport(t, "v1");
      assertThatThrownBy(() -> c.post().resource("pods").body("{}").execute(TestObject.class))
          .hasMessageContaining("POST")
          .hasCauseInstanceOf(java.io.IOException.class);
      assertThat(dropping.requests).hasValue(1);
      assertThat(clock.sleeps).isEmpty();
    }
  }

  @Test
  void throttle_burstExhausted_waitsForTokens() throws Exception {
    transport.close();
    RestConfig cfg = RestConfig.builder().host(server.url("/").toString()).qps(2).burst(1).build();
    transport = Transport.forConfig(cfg, clock, Map.of());
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{}"));
    }
    for (int i = 0; i < 3; i++) {
      client("v1").get().resource("pods").execute();
    }
    assertThat(clock.sleeps).containsExactly(500_000_000L, 500_000_000L);
  }

  @Test
  void throttle_waitLongerThanTimeout_stillSentAsClientGoDoes() throws Exception {
    RateLimiter slow = new dev.kubeclient.rest.internal.TokenBucketRateLimiter(0.1, 1, clock);
    slow.tryAccept();
    transport.close();
    RestConfig cfg =
        RestConfig.builder().host(server.url("/").toString()).rateLimiter(slow).build();
    transport = Transport.forConfig(cfg, clock, Map.of());
    server.enqueue(json(200, "{\"metadata\":{\"name\":\"late\"}}"));
    TestObject o =
        client("v1")
            .get()
            .resource("pods")
            .timeout(Duration.ofSeconds(2))
            .execute(TestObject.class);
    assertThat(o.name()).isEqualTo("late");
    assertThat(clock.sleeps).containsExactly(10_000_000_000L);
    assertThat(server.takeRequest().getUrl().queryParameter("timeout")).isEqualTo("2s");
  }

  @Test
  void warnings_headers_reachHandler() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Warning", "299 - \"policy/v1beta1 PodSecurityPolicy is deprecated\"")
            .addHeader("Warning", "299 - \"first\", 299 - \"second, with comma\"")
            .body("{}")
            .build());
    client("v1").get().resource("pods").execute();
    assertThat(warnings)
        .containsExactly(
            "299 policy/v1beta1 PodSecurityPolicy is deprecated",
            "299 first",
            "299 second, with comma");
  }

  @Test
  void headers_impersonationAndUserAgent_sent() throws Exception {
    transport.close();
    transport =
        transport(
            RestConfig.builder()
                .userAgent("my-controller/1.0")
                .impersonate(
                    new ImpersonationConfig(
                        "jane",
                        "u-1",
                        List.of("dev", "ops"),
                        Map.of("scopes", List.of("a", "b")))));
    server.enqueue(json(200, "{}"));
    client("v1").get().resource("pods").execute();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("User-Agent")).isEqualTo("my-controller/1.0");
    assertThat(r.getHeaders().get("Impersonate-User")).isEqualTo("jane");
    assertThat(r.getHeaders().get("Impersonate-Uid")).isEqualTo("u-1");
    assertThat(r.getHeaders().values("Impersonate-Group")).containsExactly("dev", "ops");
    assertThat(r.getHeaders().values("Impersonate-Extra-scopes")).containsExactly("a", "b");
  }

  @Test
  void stream_returnsBodyIncrementally() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody("line1\nline2\n", 3).build());
    try (InputStream in =
        client("v1")
            .get()
            .resource("pods")
            .name("p")
            .subResource("log")
            .param("follow", true)
            .stream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line1\nline2\n");
    }
  }

  @Test
  void close_ownedTransport_rejectsNewRequests() {
    RESTClient c =
        RESTClient.forConfig(RestConfig.builder().host(server.url("/").toString()).build(), "v1");
    c.close();
    c.close();
    assertThat(c.transport().isClosed()).isTrue();
    assertThatThrownBy(() -> c.get().resource("pods").execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void close_sharedTransport_leftOpen() {
    RESTClient c = client("v1");
    c.close();
    assertThat(transport.isClosed()).isFalse();
  }

  @Test
  void transport_threads_areDaemon() throws Exception {
    server.enqueue(json(200, "{}"));
    client("v1").get().resource("pods").execute();
    TimeUnit.MILLISECONDS.sleep(10);
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(
            t -> t.getName().contains("OkHttp") || t.getName().startsWith("kube-client-http"))
        .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
  }

  @Test
  void proxyUrl_requestsGoThroughProxy() throws Exception {
    transport.close();
    RestConfig cfg =
        RestConfig.builder()
            .host("http://api.cluster.invalid:8080")
            .proxyUrl(java.net.URI.create(server.url("/").toString()))
            .build();
    transport = Transport.forConfig(cfg, clock, Map.of());
    server.enqueue(json(200, "{}"));
    client("v1").get().resource("pods").execute();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget()).isEqualTo("http://api.cluster.invalid:8080/api/v1/pods");
  }

  @Test
  void environmentProxy_usedUnlessNoProxy() throws Exception {
    transport.close();
    RestConfig cfg = RestConfig.builder().host("http://api.cluster.invalid:8080").build();
    transport = Transport.forConfig(cfg, clock, Map.of("HTTP_PROXY", server.url("/").toString()));
    server.enqueue(json(200, "{}"));
    client("v1").get().resource("pods").execute();
    assertThat(server.takeRequest().getTarget()).startsWith("http://api.cluster.invalid:8080/");
  }

  @Test
  void url_hostWithPathPrefix_keptBeforeApiPathAndAbsPath() {
    RestConfig cfg = RestConfig.builder().host("https://proxy.example/k8s/clusters/c1/").build();
    try (Transport t = Transport.forConfig(cfg, clock, Map.of())) {
      RESTClient apps = RESTClient.forTransport(t, "apps/v1");
      assertThat(apps.get().namespace("n").resource("deployments").url())
          .isEqualTo("https://proxy.example/k8s/clusters/c1/apis/apps/v1/namespaces/n/deployments");
      assertThat(apps.get().absPath("/version").url())
          .isEqualTo("https://proxy.example/k8s/clusters/c1/version");
      try (RESTClient custom =
          RESTClient.forConfig(cfg.newBuilder().apiPath("/custom").build(), "v1")) {
        assertThat(custom.get().resource("pods").url())
            .isEqualTo("https://proxy.example/k8s/clusters/c1/custom/v1/pods");
      }
    }
  }
}
