package dev.kubeclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's exit statuses and messages. */
class ExamplesTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Example example, String... args) {
    return Examples.run(
        example,
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_badOption_exitsTwoWithOneLine() {
    int status = run(dev.kubeclient.examples.outofcluster.Main::run, "--frobnicate");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("error: unknown option --frobnicate; options are ")
        .contains("(--help lists the options)");
  }

  @Test
  void run_missingKubeconfig_exitsOneNamingTheFile() {
    int status =
        run(dev.kubeclient.examples.outofcluster.Main::run, "--kubeconfig", "/no/such/kubeconfig");
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("error: ")
        .contains("/no/such/kubeconfig");
  }

  @Test
  void run_help_listsEveryExample() {
    assertThat(run((a, o, s) -> {}, "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("create-update-delete-deployment", "out-of-cluster-client-configuration");
  }
}
