package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request behaviour ported from client-go: deadlines, the timeout parameter, preflight checks. */
class RequestTest {
  private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = new FakeClock();

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().code(200).body("{}").build();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Transport transport(RestConfig.Builder b) {
    return Transport.forConfig(b.host(server.url("/").toString()).build(), clock, Map.of());
  }

  @Test
  void defaults_noDeadlineNoReadTimeoutNoTimeoutParameter() throws Exception {
    RestConfig config = RestConfig.builder().host("https://h").build();
    assertThat(config.requestTimeout()).isZero();
    assertThat(config.readTimeout()).isZero();
    try (Transport t = transport(RestConfig.builder())) {
      RESTClient.forTransport(t, "v1").get().resource("pods").execute();
    }
    assertThat(server.takeRequest().getUrl().queryParameter("timeout")).isNull();
  }

  /**
   * The first-throttle part of client-go's {@code TestTryThrottleWithInfoContextDeadline}: 330
   * concurrent GETs at the default 5 QPS wait up to 64 s for the throttle, and none of them times
   * out for it.
   */
  @Test
  void execute_330ConcurrentGetsAtDefaultQps_allSucceed() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(330);
    try (Transport t = transport(RestConfig.builder())) {
      RESTClient c = RESTClient.forTransport(t, "v1");
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 330; i++) {
        calls.add(threads.submit(() -> c.get().resource("pods").execute()));
      }
      for (Future<?> f : calls) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(330);
    // 320 permits beyond the burst of 10, at 5 per second.
    assertThat(clock.nanoTime()).isGreaterThanOrEqualTo(64_000_000_000L);
  }

  @Test
  void execute_throttleLongerThanConfigTimeout_stillSucceeds() throws Exception {
    try (Transport t =
        transport(RestConfig.builder().qps(1).burst(1).requestTimeout(Duration.ofSeconds(2)))) {
      RESTClient c = RESTClient.forTransport(t, "v1");
      for (int i = 0; i < 5; i++) {
        c.get().resource("pods").execute();
      }
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(clock.sleeps)
        .containsExactly(1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L);
  }

  /** Scenario of client-go's {@code TestRequestURI}: Go's {@code time.Duration.String()}. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PT7S, 7s", "PT0.5S, 500ms", "PT1.5S, 1.5s", "PT1M30S, 1m30s", "PT1H, 1h0m0s"})
  void timeout_goDurationForm_sentAsQueryParameter(String timeout, String param) throws Exception {
    try (Transport t = transport(RestConfig.builder())) {
      RESTClient.forTransport(t, "v1")
          .get()
          .resource("pods")
          .timeout(Duration.parse(timeout))
          .execute();
    }
    assertThat(server.takeRequest().getUrl().queryParameter("timeout")).isEqualTo(param);
  }

  @Test
  void requestTimeout_ofConfig_sentOnUnaryCallsNotOnWatches() throws Exception {
    try (Transport t = transport(RestConfig.builder().requestTimeout(Duration.ofMillis(2500)))) {
      RESTClient c = RESTClient.forTransport(t, "v1");
      c.get().resource("pods").execute();
      assertThat(server.takeRequest().getUrl().queryParameter("timeout")).isEqualTo("2.5s");
      c.get().resource("pods").timeout(Duration.ofSeconds(9)).execute();
      assertThat(server.takeRequest().getUrl().queryParameter("timeout")).isEqualTo("9s");
      c.get().resource("pods").watch(TestObject.class).close();
      assertThat(server.takeRequest().getUrl().queryParameter("timeout")).isNull();
    }
  }

  /** Scenario of client-go's {@code TestRequestPreflightCheck}. */
  @Test
  void preflight_emptyNamespaceWithNameOrOnCreate_failsBeforeSending() {
    try (Transport t = transport(RestConfig.builder())) {
      RESTClient c = RESTClient.forTransport(t, "v1");
      for (String verb : List.of("GET", "PUT", "DELETE")) {
        assertThatThrownBy(() -> c.verb(verb).namespace("").resource("pods").name("p").execute())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(
                "an empty namespace may not be set when a resource name is provided: " + verb);
      }
      assertThatThrownBy(() -> c.post().namespace("").resource("pods").body("{}").execute())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("an empty namespace may not be set during creation");
      assertThat(server.getRequestCount()).isZero();
      c.get().namespace("").resource("pods").execute();
      c.delete().namespace("").resource("pods").execute();
      c.patch(PatchType.MERGE).namespace("").resource("pods").name("p").body("{}").execute();
      c.post().resource("namespaces").body("{}").execute();
      assertThat(server.getRequestCount()).isEqualTo(4);
    }
  }
}
