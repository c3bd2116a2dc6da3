package dev.kubeclient.examples.createupdatedelete;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example against an embedded API server, as CI does, and checks what it printed. */
class MainTest {
  @Test
  void run_embedded_createsUpdatesListsAndDeletes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Main.run(List.of("--embedded"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "Starting an embedded API server",
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
  void demoDeployment_hasTwoNginxReplicasSelectedByLabel() {
    var d = Main.demoDeployment();
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(d.getSpec().getSelector().getMatchLabels())
        .isEqualTo(d.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("nginx:1.12");
  }
}
