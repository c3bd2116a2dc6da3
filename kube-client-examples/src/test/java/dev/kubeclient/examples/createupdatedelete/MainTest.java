package dev.kubeclient.examples.createupdatedelete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.retry.Retry;
import dev.kubeclient.examples.ExampleRun;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import dev.kubeclient.typed.client.apps.v1.DeploymentClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example against embedded servers, as CI does, and checks what it printed and did. */
@EmbeddedKube
class MainTest {
  @Test
  void run_embedded_createsUpdatesListsAndDeletes() {
    List<String> lines = ExampleRun.runToEnd("create-update-delete", Main::run, "--embedded");
    assertThat(lines.get(0)).startsWith("Using an embedded API server at https://127.0.0.1:");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "Creating deployment...",
            "Created deployment demo-deployment.",
            "The embedded server runs no controllers, so the deployment gets no pods: not waiting"
                + " for it to become available.",
            "Updating deployment...",
            "Updated deployment...",
            "Listing deployments in namespace default:",
            " * demo-deployment (1 replicas)",
            "Deleting deployment...",
            "Deleted deployment.");
  }

  @Test
  void run_againstAServer_waitsUntilAvailableAndLeavesTheDeploymentDeleted(
      EmbeddedApiServer server) {
    List<String> lines;
    try (ClientSet clientSet = ClientSet.newForConfig(server.restConfig());
        ExampleRun run =
            ExampleRun.start(
                "create-update-delete",
                Main::run,
                "--kubeconfig",
                server.kubeconfigPath().toString(),
                "--namespace",
                "kube-public")) {
      run.awaitLine("Waiting for deployment to become available...");
      // Play the deployment controller the embedded server lacks: both replicas become available.
      DeploymentClient deployments = clientSet.appsV1().deployments("kube-public");
      Retry.onConflict(
          () -> {
            Deployment d = deployments.get("demo-deployment");
            d.status(
                st ->
                    st.observedGeneration(d.getMetadata().getGeneration())
                        .replicas(2)
                        .availableReplicas(2));
            return deployments.updateStatus(d);
          });
      run.awaitEnd();
      lines = run.lines();
      assertThatThrownBy(() -> deployments.get("demo-deployment"))
          .isInstanceOf(NotFoundException.class);
    }
    assertThat(lines)
        .containsSubsequence(
            "Created deployment demo-deployment.",
            "Waiting for deployment to become available...",
            "Deployment is available: 2 of 2 replicas.",
            "Updating deployment...",
            "Listing deployments in namespace kube-public:",
            " * demo-deployment (1 replicas)",
            "Deleting deployment...",
            "Deleted deployment.");
  }

  @Test
  void isAvailable_followsObservedGenerationAndAvailableReplicas() {
    Deployment d = Main.demoDeployment().metadata(m -> m.generation(2L));
    assertThat(Main.isAvailable(d)).isFalse();
    d.status(st -> st.observedGeneration(1L).availableReplicas(2));
    assertThat(Main.isAvailable(d)).as("status of an older generation").isFalse();
    d.status(st -> st.observedGeneration(2L).availableReplicas(1));
    assertThat(Main.isAvailable(d)).as("one replica short").isFalse();
    d.status(st -> st.availableReplicas(2));
    assertThat(Main.isAvailable(d)).isTrue();
  }

  @Test
  void demoDeployment_hasTwoNginxReplicasSelectedByLabel() {
    var d = Main.demoDeployment();
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(d.getSpec().getSelector().getMatchLabels())
        .isEqualTo(d.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("nginx:1.12");
  }
}
