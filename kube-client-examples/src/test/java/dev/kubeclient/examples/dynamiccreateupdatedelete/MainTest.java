package dev.kubeclient.examples.dynamiccreateupdatedelete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.examples.ExampleRun;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example against embedded servers, as CI does, and checks what it printed and did. */
@EmbeddedKube
class MainTest {
  @Test
  void run_embedded_createsUpdatesListsAndDeletes() {
    List<String> lines =
        ExampleRun.runToEnd("dynamic-create-update-delete", Main::run, "--embedded");
    assertThat(lines.get(0)).startsWith("Using an embedded API server at https://127.0.0.1:");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "Creating deployment...",
            "Created deployment demo-deployment.",
            "Updating deployment...",
            "Updated deployment...",
            "Listing deployments in namespace default:",
            " * demo-deployment (1 replicas)",
            "Deleting deployment...",
            "Deleted deployment.");
  }

  @Test
  void run_againstAServer_leavesTheDeploymentDeleted(EmbeddedApiServer server) {
    List<String> lines =
        ExampleRun.runToEnd(
            "dynamic-create-update-delete",
            Main::run,
            "--kubeconfig",
            server.kubeconfigPath().toString(),
            "--namespace",
            "kube-public");
    assertThat(lines)
        .containsSubsequence(
            "Listing deployments in namespace kube-public:",
            " * demo-deployment (1 replicas)",
            "Deleted deployment.");
    try (ClientSet clientSet = ClientSet.newForConfig(server.restConfig())) {
      assertThatThrownBy(() -> clientSet.appsV1().deployments("kube-public").get("demo-deployment"))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void demoDeployment_readsAsTheTypedExampleDeployment() {
    Unstructured u = Main.demoDeployment();
    Deployment typed =
        dev.kubeclient.core.unstructured.UnstructuredConverter.fromUnstructured(
            u, Deployment.class);
    assertThat(typed.getSpec().getReplicas()).isEqualTo(2);
    assertThat(typed.getSpec().getSelector().getMatchLabels())
        .isEqualTo(typed.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(typed.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("nginx:1.12");
    assertThat(
            typed
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getPorts()
                .get(0)
                .getContainerPort())
        .isEqualTo(80);
  }
}
