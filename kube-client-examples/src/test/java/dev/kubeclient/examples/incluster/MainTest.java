package dev.kubeclient.examples.incluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.kubeclient.examples.ExampleRun;
import dev.kubeclient.rest.InClusterConfig;
import org.junit.jupiter.api.Test;

/**
 * Runs the in-cluster example outside a pod, as CI does: it must say that it is not in a pod and
 * then poll the embedded server like the out-of-cluster example.
 */
class MainTest {
  @Test
  void run_outsideAPod_saysSoAndPollsTheEmbeddedServer() {
    assumeFalse(InClusterConfig.isAvailable(), "this test runs outside a pod");
    try (ExampleRun run =
        ExampleRun.start("in-cluster", Main::run, "--embedded", "--interval", "50ms")) {
      run.awaitLine("There are 5 pods in the cluster");
      run.awaitLine("Pod example-xxxxx in namespace default not found");
      assertThat(run.lines().get(0)).startsWith("Using an embedded API server at ");
      assertThat(run.lines().get(1)).startsWith("Not running in a pod (no KUBERNETES_SERVICE_HOST");
    }
  }
}
