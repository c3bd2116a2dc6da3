package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.rest.TestServers.Wire;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When an exec plugin hands out a new client certificate, every connection made with the old one is
 * closed, busy ones included, as client-go's exec authenticator does with its connrotation tracker
 * (scenario of client-go's {@code TestTLSCredentials} rotation step).
 */
@DisabledOnOs(OS.WINDOWS)
class ExecCertificateRotationTest {
  private static final String V1 = "client.authentication.k8s.io/v1";
  private static final String ADDED =
      "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"10\"}}}\n";

  @TempDir Path dir;

  private static String json(String s) {
    return "\"" + s.replace("\n", "\\n") + "\"";
  }

  private void credentialFile(int n, HeldCertificate cert, String expiration) throws Exception {
    Files.writeString(
        dir.resolve("cred-" + n + ".json"),
        "{\"apiVersion\":\""
            + V1
            + "\",\"kind\":\"ExecCredential\",\"status\":{\"expirationTimestamp\":\""
            + expiration
            + "\",\"clientCertificateData\":"
            + json(cert.certificatePem())
            + ",\"clientKeyData\":"
            + json(cert.privateKeyPkcs8Pem())
            + "}}");
  }

  private Path plugin() throws Exception {
    Path p = dir.resolve("cert-plugin");
    Path count = dir.resolve("count");
    Files.writeString(
        p,
        "#!/bin/sh\nn=$(( $(cat '"
            + count
            + "' 2>/dev/null || echo 0) + 1 ))\necho $n > '"
            + count
            + "'\ncat '"
            + dir
            + "/cred-'$n'.json'\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void rotation_newCertificate_closesBusyConnectionsAndNextRequestUsesIt(Wire wire)
      throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate serverCert =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").signedBy(ca).build();
    HeldCertificate first = new HeldCertificate.Builder().commonName("first").build();
    HeldCertificate second = new HeldCertificate.Builder().commonName("second").build();
    credentialFile(1, first, "2026-01-01T00:10:00Z");
    credentialFile(2, second, "2026-01-01T02:00:00Z");
    try (MockWebServer server = new MockWebServer()) {
      server.useHttps(
          new HandshakeCertificates.Builder()
              .heldCertificate(serverCert)
              .addTrustedCertificate(first.certificate())
              .addTrustedCertificate(second.certificate())
              .build()
              .sslSocketFactory());
      server.requestClientAuth();
      if (wire == Wire.HTTP_2) {
        server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
      } else {
        server.setProtocols(List.of(Protocol.HTTP_1_1));
      }
      server.start();
      server.enqueue(
          new MockResponse.Builder()
              .body(ADDED + "x".repeat(64))
              .throttleBody(ADDED.length(), 60, TimeUnit.SECONDS)
              .build());
      server.enqueue(new MockResponse.Builder().body("{}").build());
      RestConfig config =
          RestConfig.builder()
              .host(server.url("/").toString())
              .caData(ca.certificatePem().getBytes(StandardCharsets.US_ASCII))
              .execProvider(
                  ExecConfig.builder()
                      .command(plugin().toString())
                      .apiVersion(V1)
                      .interactiveMode(ExecConfig.InteractiveMode.NEVER)
                      .build())
              .build();
      FakeClock clock = new FakeClock();
      try (Transport t = Transport.forConfig(config, clock, Map.of())) {
        RESTClient c = RESTClient.forTransport(t, "v1");
        Watch<TestObject> w = c.get().resource("pods").watch(TestObject.class);
        assertThat(w.next().resourceVersion()).isEqualTo("10");
        assertThat(peer(server.takeRequest())).isEqualTo(first.certificate());
        CompletableFuture<Boolean> watching = CompletableFuture.supplyAsync(w::hasNext);
        clock.advanceSeconds(3600);
        c.get().resource("pods").execute();
        assertThat(watching.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(peer(server.takeRequest())).isEqualTo(second.certificate());
      }
    }
  }

  private static Certificate peer(RecordedRequest r) {
    return r.getHandshake().peerCertificates().get(0);
  }
}
