package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proxy credentials from the proxy URL, sent up front as Go's transport sends them. */
class ProxyTest {
  private static final String OK =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
          + "Connection: close\r\n\r\n{}";

  private static String basic(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes());
  }

  @Test
  void proxyUrl_withUserAndPassword_plainHttpRequestCarriesProxyAuthorization() throws Exception {
    try (RecordingProxy proxy = new RecordingProxy(OK);
        Transport t =
            Transport.forConfig(
                RestConfig.builder()
                    .host("http://api.cluster.invalid:8080")
                    .proxyUrl(URI.create("http://jane:s3cret@127.0.0.1:" + proxy.port()))
                    .build(),
                new FakeClock(),
                Map.of())) {
      RESTClient.forTransport(t, "v1").get().resource("pods").execute();
      assertThat(proxy.requests)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r)
                      .startsWith("GET http://api.cluster.invalid:8080/api/v1/pods HTTP/1.1")
                      .contains("Proxy-Authorization: " + basic("jane:s3cret")));
    }
  }

  @Test
  void httpsProxyVariable_withUserAndPassword_connectCarriesProxyAuthorization() throws Exception {
    try (RecordingProxy proxy =
            new RecordingProxy("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        Transport t =
            Transport.forConfig(
                RestConfig.builder().host("https://api.cluster.invalid:6443").build(),
                new FakeClock(),
                Map.of("HTTPS_PROXY", "jane:p%40ss@127.0.0.1:" + proxy.port()))) {
      assertThatThrownBy(() -> RESTClient.forTransport(t, "v1").get().resource("pods").execute())
          .hasMessageNotContaining("p%40ss")
          .hasMessageNotContaining("p@ss");
      assertThat(proxy.requests.get(0))
          .startsWith("CONNECT api.cluster.invalid:6443 HTTP/1.1")
          .contains("Proxy-Authorization: " + basic("jane:p@ss"));
    }
  }

  @Test
  void proxy_withoutUserInfo_sendsNoProxyAuthorization() throws Exception {
    try (RecordingProxy proxy = new RecordingProxy(OK);
        Transport t =
            Transport.forConfig(
                RestConfig.builder().host("http://api.cluster.invalid:8080").build(),
                new FakeClock(),
                Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port()))) {
      RESTClient.forTransport(t, "v1").get().resource("pods").execute();
      assertThat(proxy.requests).singleElement().asString().doesNotContain("Proxy-Authorization");
    }
  }
}
