package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionSpec;
import org.junit.jupiter.api.Test;

/** What a transport prepares for its server's scheme. */
class TransportSchemeTest {
  @Test
  void plainHttpHost_cleartextOnlyAndServed() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("{}").build());
      server.enqueue(new MockResponse.Builder().body("{}").build());
      RestConfig config = RestConfig.builder().host(server.url("/").toString()).build();
      try (Transport t = Transport.forConfig(config)) {
        // No TLS spec, so OkHttp builds no SSL context and loads no trust store.
        assertThat(t.client().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThat(t.streamingClient().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        RESTClient.forTransport(t, "v1").get().resource("pods").execute();
        RESTClient.forTransport(t, "v1").get().resource("pods").param("watch", true).stream()
            .close();
      }
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/pods");
      assertThat(server.takeRequest().getUrl().queryParameter("watch")).isEqualTo("true");
    }
  }

  @Test
  void httpsHost_tlsSpecs() {
    RestConfig config = RestConfig.builder().host("https://h.example").insecure(true).build();
    try (Transport t = Transport.forConfig(config)) {
      List<ConnectionSpec> specs = t.client().connectionSpecs();
      assertThat(specs).anyMatch(ConnectionSpec::isTls);
    }
  }
}
