package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs kubectl ({@link TestKubectl#find()}) against one server, with its own HOME (no shared
 * cache).
 */
final class Kubectl {
  /** What one run printed and how it ended. */
  record Result(int exit, String out, String err) {}

  private final String binary;
  private final EmbeddedApiServer server;
  private final Path home;

  Kubectl(String binary, EmbeddedApiServer server, Path home) {
    this.binary = binary;
    this.server = server;
    this.home = home;
  }

  /** Starts kubectl without waiting for it (a watch, a wait). */
  Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.add("--kubeconfig=" + server.kubeconfigPath());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("KUBECONFIG");
    return pb.start();
  }

  Result run(String... args) throws IOException, InterruptedException {
    Process p = start(args);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl timed out: " + String.join(" ", args));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.exitValue(), out, err);
  }

  Result ok(String... args) throws IOException, InterruptedException {
    Result r = run(args);
    assertThat(r.exit()).as("kubectl %s: %s", String.join(" ", args), r.err()).isZero();
    return r;
  }
}
