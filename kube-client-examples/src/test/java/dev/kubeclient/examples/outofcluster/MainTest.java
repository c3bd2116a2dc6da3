package dev.kubeclient.examples.outofcluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.examples.ExampleRun;
import dev.kubeclient.testing.EmbeddedApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the out-of-cluster example against embedded servers, as CI does, and checks its output. */
class MainTest {
  @TempDir Path dir;

  @Test
  void run_embedded_countsSeededPodsReportsMissingPodAndStopsOnSignal() {
    try (ExampleRun run =
        ExampleRun.start("out-of-cluster", Main::run, "--embedded", "--interval", "50ms")) {
      run.awaitLine("There are 5 pods in the cluster");
      run.awaitLine("Pod example-xxxxx in namespace default not found");
      run.stop();
      run.awaitEnd();
      List<String> lines = run.lines();
      assertThat(lines.get(0)).startsWith("Using an embedded API server at https://127.0.0.1:");
      assertThat(lines.get(0)).endsWith("(--embedded)");
      assertThat(lines).last().isEqualTo("Stopping (interrupted)");
    }
  }

  @Test
  void run_podThatExists_reportsItFound() {
    try (ExampleRun run =
        ExampleRun.start(
            "out-of-cluster", Main::run, "--embedded", "--interval", "50ms", "--pod", "web-1")) {
      run.awaitLine("found", l -> l.startsWith("Found pod web-1 in namespace default (phase "));
    }
  }

  @Test
  void run_duration_stopsByItself() {
    List<String> lines =
        ExampleRun.runToEnd(
            "out-of-cluster", Main::run, "--embedded", "--interval", "50ms", "--duration", "1s");
    assertThat(lines)
        .contains("There are 5 pods in the cluster")
        .last()
        .isEqualTo("Stopping (ran for 1s)");
  }

  @Test
  void run_userMayNotListPods_reportsForbiddenAndGoesOn() throws Exception {
    try (EmbeddedApiServer server =
        EmbeddedApiServer.newBuilder()
            .bearerToken("viewer-token", "viewer")
            .allow("viewer", Set.of("get"), Set.of("pods"))
            .build()
            .start()) {
      try (ExampleRun run = startAs(server, "viewer-token", "team-a")) {
        run.awaitLine(
            "a Forbidden report",
            l ->
                l.startsWith("Forbidden: may not list pods in all namespaces: ")
                    && l.length() > 50);
        // The second request of the round may get what the first may not.
        run.awaitLine("Pod example-xxxxx in namespace team-a not found");
        assertThat(run.lines().get(0))
            .isEqualTo(
                "Using cluster "
                    + server.url()
                    + " (context viewer of "
                    + dir.resolve("viewer-token.yaml")
                    + ")");
      }
      try (ExampleRun run = startAs(server, "not-the-token", "default")) {
        run.awaitLine(
            "an Unauthorized report",
            l -> l.startsWith("Unauthorized: the server rejected the credentials"));
      }
    }
  }

  /** Runs the example with a kubeconfig of {@code server} that presents {@code token}. */
  private ExampleRun startAs(EmbeddedApiServer server, String token, String namespace)
      throws IOException {
    Path kubeconfig = dir.resolve(token + ".yaml");
    Files.writeString(kubeconfig, kubeconfig(server, token, namespace));
    return ExampleRun.start(
        "out-of-cluster", Main::run, "--kubeconfig", kubeconfig.toString(), "--interval", "50ms");
  }

  @Test
  void run_contextNotInKubeconfig_failsNamingIt() throws Exception {
    Path kubeconfig = dir.resolve("config.yaml");
    Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\n");
    ExampleRun run =
        ExampleRun.start(
            "out-of-cluster",
            Main::run,
            "--kubeconfig",
            kubeconfig.toString(),
            "--context",
            "nowhere");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(run::awaitEnd))
        .hasRootCauseMessage("context 'nowhere' is not defined in [" + kubeconfig + "]");
  }

  static String kubeconfig(EmbeddedApiServer server, String token, String namespace) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: embedded
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: viewer
          user:
            token: %s
        contexts:
        - name: viewer
          context:
            cluster: embedded
            user: viewer
            namespace: %s
        current-context: viewer
        """
        .formatted(
            server.url(),
            Base64.getEncoder()
                .encodeToString(server.caCertificatePem().getBytes(StandardCharsets.US_ASCII)),
            token,
            namespace);
  }
}
