package dev.kubeclient.rest;

import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** MockWebServers speaking HTTP/1.1 in clear text or HTTP/2 over TLS, with a config for each. */
final class TestServers {
  private static final HeldCertificate LOCALHOST =
      new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();

  private TestServers() {}

  /** The protocols the close and watch tests run over. */
  enum Wire {
    HTTP_1_1,
    HTTP_2
  }

  /** Starts a server speaking {@code wire}. */
  static MockWebServer start(Wire wire) throws Exception {
    MockWebServer server = new MockWebServer();
    if (wire == Wire.HTTP_2) {
      server.useHttps(
          new HandshakeCertificates.Builder()
              .heldCertificate(LOCALHOST)
              .build()
              .sslSocketFactory());
      server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
    }
    server.start();
    return server;
  }

  /** A config for {@code server} that trusts its certificate when it speaks TLS. */
  static RestConfig.Builder config(MockWebServer server) {
    RestConfig.Builder b = RestConfig.builder().host(server.url("/").toString());
    if (server.url("/").isHttps()) {
      b.caData(LOCALHOST.certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return b;
  }
}
