package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.rest.ExecConfig;
import dev.kubeclient.rest.ExecPluginException;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.RestConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Exec credential plugins run as real shell scripts written to a temporary directory. */
@DisabledOnOs(OS.WINDOWS)
class ExecCredentialProviderTest {
  private static final String V1 = "client.authentication.k8s.io/v1";

  @TempDir Path dir;

  /** Wall time starts at 2026-01-01T00:00:00Z and moves only when told. */
  private static final class TestClock implements Clock {
    final AtomicLong nanos = new AtomicLong();

    @Override
    public long nanoTime() {
      return nanos.get();
    }

    @Override
    public Instant now() {
      return Instant.parse("2026-01-01T00:00:00Z").plusNanos(nanos.get());
    }

    @Override
    public void sleepNanos(long n) {
      nanos.addAndGet(n);
    }

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }
  }

  private final TestClock clock = new TestClock();
  private final ClientCertificateKeyManager keys = new ClientCertificateKeyManager();
  private final AtomicInteger certChanges = new AtomicInteger();

  private Path script(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  /** A plugin printing token "t-N-$MY_VAR-$1" where N counts its runs; records its exec info. */
  private Path tokenPlugin(String extraStatus) throws Exception {
    return script(
        "token-plugin",
        "n=$(( $(cat \""
            + dir.resolve("count")
            + "\" 2>/dev/null || echo 0) + 1 ))\n"
            + "echo $n > \""
            + dir.resolve("count")
            + "\"\n"
            + "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \""
            + dir.resolve("info")
            + "\"\n"
            + "sleep 0.1\n"
            + "printf '{\"apiVersion\":\""
            + V1
            + "\",\"kind\":\"ExecCredential\","
            + "\"status\":{\"token\":\"t-%s-%s-%s\""
            + extraStatus
            + "}}' \"$n\" \"$MY_VAR\" \"$1\"\n");
  }

  private int runs() throws Exception {
    Path count = dir.resolve("count");
    return Files.exists(count) ? Integer.parseInt(Files.readString(count).strip()) : 0;
  }

  private ExecCredentialProvider provider(ExecConfig.Builder exec) {
    RestConfig cluster =
        RestConfig.builder()
            .host("https://cluster.example:6443")
            .caData("CA".getBytes(StandardCharsets.US_ASCII))
            .build();
    return new ExecCredentialProvider(
        exec.build(),
        cluster,
        clock,
        keys,
        certChanges::incrementAndGet,
        System.getenv(),
        ProcessBuilder.Redirect.PIPE,
        ProcessBuilder.Redirect.appendTo(dir.resolve("stderr").toFile()),
        () -> false);
  }

  private String stderr() throws Exception {
    Path p = dir.resolve("stderr");
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private ExecConfig.Builder exec(Path command) {
    return ExecConfig.builder()
        .command(command.toString())
        .args(List.of("arg1"))
        .env("MY_VAR", "v")
        .apiVersion(V1)
        .interactiveMode(ExecConfig.InteractiveMode.NEVER);
  }

  @Test
  void get_tokenPlugin_passesArgsEnvAndClusterInfo() throws Exception {
    ExecCredentialProvider p = provider(exec(tokenPlugin("")).provideClusterInfo(true));
    ExecCredential c = p.get();
    assertThat(c.token()).isEqualTo("t-1-v-arg1");
    assertThat(c.toString()).doesNotContain("t-1");
    String info = Files.readString(dir.resolve("info"));
    assertThat(info)
        .contains("\"kind\":\"ExecCredential\"")
        .contains("\"apiVersion\":\"" + V1 + "\"")
        .contains("\"server\":\"https://cluster.example:6443\"")
        .contains("\"certificate-authority-data\":\"Q0E=\"")
        .contains("\"interactive\":false");
  }

  @Test
  void get_withoutExpiry_cachedUntilInvalidated() throws Exception {
    ExecCredentialProvider p = provider(exec(tokenPlugin("")));
    ExecCredential first = p.get();
    assertThat(p.get()).isSameAs(first);
    assertThat(runs()).isEqualTo(1);
    p.invalidate(first);
    ExecCredential second = p.get();
    assertThat(second.token()).isEqualTo("t-2-v-arg1");
    p.invalidate(first);
    assertThat(p.get()).isSameAs(second);
    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void get_expirationTimestamp_reRunsOnlyAfterExpiry() throws Exception {
    ExecCredentialProvider p =
        provider(exec(tokenPlugin(",\"expirationTimestamp\":\"2026-01-01T00:15:00Z\"")));
    assertThat(p.get().expiration()).isEqualTo(Instant.parse("2026-01-01T00:15:00Z"));
    clock.advance(Duration.ofMinutes(14));
    assertThat(p.get().token()).startsWith("t-1-");
    clock.advance(Duration.ofMinutes(2));
    assertThat(p.get().token()).startsWith("t-2-");
    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void get_concurrentCallers_runPluginOnce() throws Exception {
    ExecCredentialProvider p = provider(exec(tokenPlugin("")));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return p.get().token();
                }));
      }
      go.countDown();
      for (Future<String> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("t-1-v-arg1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(runs()).isEqualTo(1);
  }

  @Test
  void get_failingPlugin_reportsExitStatusWhileStderrWentToStderr() throws Exception {
    Path s = script("failing", "echo 'token expired, run login' >&2\nexit 3\n");
    assertThatThrownBy(() -> provider(exec(s)).get())
        .isInstanceOf(ExecPluginException.class)
        .hasMessageContaining(s.toString())
        .hasMessageContaining("exit status 3")
        .hasMessageContaining("standard error");
    assertThat(stderr()).isEqualTo("token expired, run login\n");
  }

  @Test
  void get_garbageOutput_reportsPositionButNotTheOutput() throws Exception {
    Path s = script("garbage", "echo 'token: sup3rs3cret'\necho 'some diagnostics' >&2\n");
    assertThatThrownBy(() -> provider(exec(s)).get())
        .isInstanceOf(ExecPluginException.class)
        .hasMessageContaining("not JSON")
        .hasMessageNotContaining("sup3rs3cret");
    assertThat(stderr()).contains("some diagnostics").doesNotContain("sup3rs3cret");
  }

  @Test
  void get_wrongKindOrVersionOrNoCredential_rejected() throws Exception {
    Path wrongVersion =
        script(
            "v1beta1",
            "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"x\"}}'\n");
    assertThatThrownBy(() -> provider(exec(wrongVersion)).get())
        .hasMessageContaining("apiVersion 'client.authentication.k8s.io/v1beta1'");
    Path empty =
        script(
            "empty",
            "echo '{\"apiVersion\":\"" + V1 + "\",\"kind\":\"ExecCredential\",\"status\":{}}'\n");
    assertThatThrownBy(() -> provider(exec(empty)).get())
        .hasMessageContaining("neither status.token nor status.clientCertificateData");
  }

  @Test
  void get_missingCommand_namesItWithInstallHint() {
    Path missing = dir.resolve("no-such-plugin");
    assertThatThrownBy(
            () -> provider(exec(missing).installHint("Install it with: brew install x")).get())
        .isInstanceOf(ExecPluginException.class)
        .hasMessageContaining("not found")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("brew install x");
  }

  @Test
  void get_interactiveAlwaysWithoutTerminal_rejected() throws Exception {
    ExecCredentialProvider p =
        provider(exec(tokenPlugin("")).interactiveMode(ExecConfig.InteractiveMode.ALWAYS));
    assertThatThrownBy(p::get).hasMessageContaining("standard input is not a terminal");
    assertThat(runs()).isZero();
  }

  @Test
  void get_clientCertificateResult_installedInKeyManager() throws Exception {
    HeldCertificate client = new HeldCertificate.Builder().ecdsa256().build();
    String status =
        "{\"apiVersion\":\""
            + V1
            + "\",\"kind\":\"ExecCredential\",\"status\":{"
            + "\"clientCertificateData\":"
            + json(client.certificatePem())
            + ","
            + "\"clientKeyData\":"
            + json(PemFixtures.sec1(client))
            + "}}";
    Files.writeString(dir.resolve("cred.json"), status);
    Path s = script("cert-plugin", "cat \"" + dir.resolve("cred.json") + "\"\n");
    ExecCredential c = provider(exec(s)).get();
    assertThat(c.token()).isNull();
    assertThat(keys.getCertificateChain("client")).containsExactly(client.certificate());
    assertThat(keys.getPrivateKey("client").getAlgorithm()).isEqualTo("EC");
    // The first certificate replaces none: as in client-go, no connection is closed for it.
    assertThat(certChanges).hasValue(0);
  }

  private static String json(String s) {
    return "\"" + s.replace("\n", "\\n") + "\"";
  }

  @Test
  void transport_401_reExecsOnceAndRetries() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate cert =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").signedBy(ca).build();
    try (MockWebServer server = new MockWebServer()) {
      server.useHttps(
          new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
      server.start();
      RestConfig config =
          RestConfig.builder()
              .host(server.url("/").toString())
              .caData(ca.certificatePem().getBytes(StandardCharsets.US_ASCII))
              .execProvider(exec(tokenPlugin("")).build())
              .build();
      server.enqueue(new MockResponse.Builder().code(401).body("{}").build());
      server.enqueue(new MockResponse.Builder().body("{}").build());
      server.enqueue(new MockResponse.Builder().body("{}").build());
      try (RESTClient c = RESTClient.forConfig(config, "v1")) {
        c.get().resource("pods").execute();
        c.get().resource("pods").execute();
      }
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer t-1-v-arg1");
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer t-2-v-arg1");
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer t-2-v-arg1");
      assertThat(runs()).isEqualTo(2);
    }
  }

  @Test
  void transport_plainHttp_sendsPluginTokenAsClientGoDoes() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("{}").build());
      RestConfig config =
          RestConfig.builder()
              .host(server.url("/").toString())
              .execProvider(exec(tokenPlugin("")).build())
              .build();
      try (RESTClient c = RESTClient.forConfig(config, "v1")) {
        c.get().resource("pods").execute();
      }
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer t-1-v-arg1");
      assertThat(runs()).isEqualTo(1);
      assertThat(InsecureCredentials.warnOnce(config)).as("warned once already").isFalse();
    }
  }

  @Test
  void transport_failingPlugin_surfacesToCaller() throws Exception {
    Path s = script("failing", "echo 'please log in' >&2\nexit 1\n");
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    RestConfig config =
        RestConfig.builder()
            .host("https://127.0.0.1:1")
            .caData(ca.certificatePem().getBytes(StandardCharsets.US_ASCII))
            .execProvider(exec(s).build())
            .build();
    try (RESTClient c = RESTClient.forConfig(config, "v1")) {
      assertThatThrownBy(() -> c.get().resource("pods").execute())
          .isInstanceOf(ExecPluginException.class)
          .hasMessageContaining("exit status 1");
    }
  }
}
