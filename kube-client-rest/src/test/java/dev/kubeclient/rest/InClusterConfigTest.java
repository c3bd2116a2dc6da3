package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-cluster configuration from the service account mount, and token rotation. */
class InClusterConfigTest {
  @TempDir Path dir;

  private static final Map<String, String> ENV =
      Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");

  @Test
  void load_serviceAccountMount_buildsHttpsConfigWithTokenFileAndCa() throws Exception {
    Files.writeString(dir.resolve("token"), "tok");
    Files.writeString(dir.resolve("ca.crt"), "pem");
    Files.writeString(dir.resolve("namespace"), "kube-system\n");
    assertThat(InClusterConfig.isAvailable(ENV, dir)).isTrue();
    RestConfig c = InClusterConfig.load(ENV, dir);
    assertThat(c.host()).isEqualTo("https://10.96.0.1:443");
    assertThat(c.bearerTokenFile()).isEqualTo(dir.resolve("token"));
    assertThat(c.caFile()).isEqualTo(dir.resolve("ca.crt"));
    assertThat(InClusterConfig.namespace(ENV, dir)).isEqualTo("kube-system");
  }

  /** As client-go's {@code inClusterClientConfig.Namespace}: the downward API variable first. */
  @Test
  void namespace_podNamespaceVariable_winsOverServiceAccountFile() throws Exception {
    Files.writeString(dir.resolve("namespace"), "from-file\n");
    Map<String, String> env = new java.util.HashMap<>(ENV);
    env.put("POD_NAMESPACE", "from-env");
    assertThat(InClusterConfig.namespace(env, dir)).isEqualTo("from-env");
    env.put("POD_NAMESPACE", "");
    assertThat(InClusterConfig.namespace(env, dir)).isEqualTo("from-file");
    assertThat(InClusterConfig.namespace(env, dir.resolve("missing"))).isEqualTo("default");
  }

  @Test
  void load_ipv6Host_bracketed() throws Exception {
    Files.writeString(dir.resolve("token"), "tok");
    RestConfig c =
        InClusterConfig.load(
            Map.of("KUBERNETES_SERVICE_HOST", "fd00::1", "KUBERNETES_SERVICE_PORT", "6443"), dir);
    assertThat(c.host()).isEqualTo("https://[fd00::1]:6443");
  }

  @Test
  void load_outsideCluster_saysWhatIsMissing() throws Exception {
    assertThat(InClusterConfig.isAvailable(Map.of(), dir)).isFalse();
    assertThatThrownBy(() -> InClusterConfig.load(Map.of(), dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KUBERNETES_SERVICE_HOST");
    assertThatThrownBy(() -> InClusterConfig.load(ENV, dir))
        .hasMessageContaining(dir.resolve("token").toString());
    assertThat(InClusterConfig.namespace(ENV, dir)).isEqualTo("default");
  }

  @Test
  void tokenFile_rotated_newTokenSentAfterChange() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate serverCert =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").signedBy(ca).build();
    HandshakeCertificates serverTls =
        new HandshakeCertificates.Builder().heldCertificate(serverCert).build();
    Path token = dir.resolve("token");
    Files.writeString(token, "first\n");
    FakeClock clock = new FakeClock();
    try (MockWebServer server = new MockWebServer()) {
      server.useHttps(serverTls.sslSocketFactory());
      server.start();
      RestConfig config =
          RestConfig.builder()
              .host(server.url("/").toString())
              .caData(ca.certificatePem().getBytes())
              .bearerTokenFile(token)
              .build();
      try (Transport t = Transport.forConfig(config, clock, Map.of())) {
        RESTClient c = RESTClient.forTransport(t, "v1");
        for (int code : new int[] {200, 200, 200, 401, 200}) {
          server.enqueue(new MockResponse.Builder().code(code).body("{}").build());
        }
        c.get().resource("pods").execute();
        // A change the modification time does not show is picked up after a minute...
        FileTime mtime = Files.getLastModifiedTime(token);
        Files.writeString(token, "second\n");
        Files.setLastModifiedTime(token, mtime);
        c.get().resource("pods").execute();
        clock.advanceSeconds(61);
        c.get().resource("pods").execute();
        // ...or at once when the server rejects the cached token (one retry).
        mtime = Files.getLastModifiedTime(token);
        Files.writeString(token, "third\n");
        Files.setLastModifiedTime(token, mtime);
        c.get().resource("pods").execute();
        for (String expected : new String[] {"first", "first", "second", "second", "third"}) {
          assertThat(server.takeRequest().getHeaders().get("Authorization"))
              .isEqualTo("Bearer " + expected);
        }
      }
    }
  }
}
