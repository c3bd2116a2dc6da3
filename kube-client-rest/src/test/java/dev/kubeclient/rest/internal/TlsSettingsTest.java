package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.RestConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS over real HTTPS on loopback, with certificates made at test time. */
class TlsSettingsTest {
  private static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(1).commonName("test-ca").build();
  private static final HeldCertificate INTERMEDIATE =
      new HeldCertificate.Builder()
          .certificateAuthority(0)
          .commonName("intermediate")
          .signedBy(CA)
          .build();
  private static final HeldCertificate SERVER =
      new HeldCertificate.Builder()
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("api.internal")
          .signedBy(CA)
          .build();
  private static final HeldCertificate OTHER_CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("other-ca").build();

  @TempDir Path dir;
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private void startHttps(boolean requireClientCert) throws Exception {
    HandshakeCertificates.Builder b =
        new HandshakeCertificates.Builder()
            .heldCertificate(SERVER)
            .addTrustedCertificate(CA.certificate());
    server.useHttps(b.build().sslSocketFactory());
    if (requireClientCert) {
      server.requireClientAuth();
    }
    server.start();
  }

  private RecordedRequest get(RestConfig config) throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (RESTClient c = RESTClient.forConfig(config, "v1")) {
      c.get().resource("pods").execute();
    }
    return server.takeRequest();
  }

  private RestConfig.Builder config() {
    return RestConfig.builder().host(server.url("/").toString());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void verify_caData_trustsServerAndSendsToken() throws Exception {
    startHttps(false);
    RecordedRequest r = get(config().caData(bytes(CA.certificatePem())).bearerToken("t0k").build());
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t0k");
  }

  @Test
  void verify_caBundleFileWithSeveralCertificates_allTrusted() throws Exception {
    startHttps(false);
    Path bundle = dir.resolve("ca.crt");
    Files.writeString(bundle, OTHER_CA.certificatePem() + CA.certificatePem());
    assertThat(get(config().caFile(bundle).build()).getMethod()).isEqualTo("GET");
  }

  @Test
  void verify_wrongCa_failsAtOnceWithoutRetry() throws Exception {
    startHttps(false);
    RestConfig cfg = config().caData(bytes(OTHER_CA.certificatePem())).build();
    long start = System.nanoTime();
    try (RESTClient c = RESTClient.forConfig(cfg, "v1")) {
      assertThatThrownBy(() -> c.get().resource("pods").execute())
          .hasMessageContaining("GET")
          .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class)
          .cause()
          .isInstanceOf(SSLException.class);
    }
    // A retry would have waited a second first.
    assertThat(System.nanoTime() - start).isLessThan(900_000_000L);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void verify_insecure_acceptsUnknownCa() throws Exception {
    startHttps(false);
    assertThat(get(config().insecure(true).build()).getMethod()).isEqualTo("GET");
  }

  @Test
  void verify_insecureWithCa_rejected() throws Exception {
    startHttps(false);
    RestConfig cfg = config().insecure(true).caData(bytes(CA.certificatePem())).build();
    assertThatThrownBy(() -> RESTClient.forConfig(cfg, "v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("insecure");
  }

  @Test
  void verify_serverNameOverride_usedForVerification() throws Exception {
    HeldCertificate onlyInternal =
        new HeldCertificate.Builder()
            .addSubjectAlternativeName("api.internal")
            .signedBy(CA)
            .build();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(onlyInternal)
            .build()
            .sslSocketFactory());
    server.start();
    byte[] ca = bytes(CA.certificatePem());
    assertThat(get(config().caData(ca).serverName("api.internal").build()).getMethod())
        .isEqualTo("GET");
    try (RESTClient c = RESTClient.forConfig(config().caData(ca).build(), "v1")) {
      assertThatThrownBy(() -> c.get().resource("pods").execute())
          .hasCauseInstanceOf(javax.net.ssl.SSLPeerUnverifiedException.class);
    }
  }

  private void clientCertAuth(HeldCertificate client, Function<HeldCertificate, String> keyPem)
      throws Exception {
    startHttps(true);
    RestConfig cfg =
        config()
            .caData(bytes(CA.certificatePem()))
            .certData(bytes(client.certificatePem() + INTERMEDIATE.certificatePem()))
            .keyData(bytes(keyPem.apply(client)))
            .build();
    RecordedRequest r = get(cfg);
    X509Certificate peer = (X509Certificate) r.getHandshake().peerCertificates().get(0);
    assertThat(peer).isEqualTo(client.certificate());
    assertThat(cfg.toString()).doesNotContain(keyPem.apply(client).substring(40, 80));
  }

  private static HeldCertificate clientRsa() {
    return new HeldCertificate.Builder()
        .rsa2048()
        .commonName("admin")
        .signedBy(INTERMEDIATE)
        .build();
  }

  @Test
  void clientCert_rsaPkcs1_accepted() throws Exception {
    clientCertAuth(clientRsa(), PemFixtures::pkcs1);
  }

  @Test
  void clientCert_rsaPkcs8_accepted() throws Exception {
    clientCertAuth(clientRsa(), PemFixtures::pkcs8);
  }

  @Test
  void clientCert_ecSec1_accepted() throws Exception {
    clientCertAuth(
        new HeldCertificate.Builder().ecdsa256().commonName("ec").signedBy(INTERMEDIATE).build(),
        PemFixtures::sec1);
  }

  @Test
  void clientCert_files_readFromDisk() throws Exception {
    startHttps(true);
    HeldCertificate client = clientRsa();
    Path cert =
        Files.writeString(
            dir.resolve("client.crt"), client.certificatePem() + INTERMEDIATE.certificatePem());
    Path key = Files.writeString(dir.resolve("client.key"), PemFixtures.pkcs1(client));
    RecordedRequest r =
        get(config().caData(bytes(CA.certificatePem())).certFile(cert).keyFile(key).build());
    assertThat(r.getHandshake().peerCertificates().get(0)).isEqualTo(client.certificate());
  }

  @Test
  void clientCert_missingKeyFile_namesIt() throws Exception {
    startHttps(false);
    Path cert = Files.writeString(dir.resolve("client.crt"), clientRsa().certificatePem());
    Path key = dir.resolve("missing.key");
    RestConfig cfg = config().certFile(cert).keyFile(key).build();
    assertThatThrownBy(() -> RESTClient.forConfig(cfg, "v1")).hasMessageContaining(key.toString());
  }
}
