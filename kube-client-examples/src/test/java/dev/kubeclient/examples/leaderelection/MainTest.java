package dev.kubeclient.examples.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.examples.ExampleRun;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.coordination.v1.Lease;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the leader-election example against embedded servers, as CI does. */
@EmbeddedKube
class MainTest {
  private static final Pattern MOVED = Pattern.compile("Leadership moved from (\\S+) to (\\S+)");

  @Test
  void run_embedded_oneLeadsThenLeadershipMovesWhenItStops() {
    List<String> lines;
    try (ExampleRun run =
        ExampleRun.start(
            "leader-election",
            Main::run,
            "--embedded",
            "--id",
            "replica",
            "--retry-period",
            "200ms")) {
      run.awaitLine("the hand-over", l -> MOVED.matcher(l).matches());
      run.stop();
      run.awaitEnd();
      lines = run.lines();
    }
    assertThat(lines.get(0)).startsWith("Using an embedded API server at ");
    assertThat(lines.get(1))
        .isEqualTo("3 candidate(s) campaigning for the Lease default/example-lease");
    String first =
        lines.stream()
            .filter(l -> l.startsWith("Stopping the leader "))
            .findFirst()
            .orElseThrow()
            .split(" ")[3]
            .replace(",", "");
    Matcher moved =
        lines.stream().map(MOVED::matcher).filter(Matcher::matches).findFirst().orElseThrow();
    String second = moved.group(2);
    assertThat(moved.group(1)).isEqualTo(first);
    assertThat(second).isNotEqualTo(first).startsWith("replica-");
    // Each led once, and the first leader's work had stopped before the second's started.
    assertThat(lines)
        .containsSubsequence(
            first + ": started leading; controller loop...",
            "Stopping the leader " + first + ", as Ctrl-C would stop its process",
            first + ": controller loop stopped",
            second + ": started leading; controller loop...",
            "Stopping (interrupted)",
            second + ": controller loop stopped",
            second + ": leader lost; cleaning up")
        .contains(first + ": leader lost; cleaning up");
    assertThat(lines.stream().filter(l -> l.endsWith(": started leading; controller loop...")))
        .hasSize(2);
  }

  @Test
  void run_oneCandidate_leadsAndReleasesTheLeaseOnStop(EmbeddedApiServer server) {
    try (ExampleRun run =
        ExampleRun.start(
            "leader-election",
            Main::run,
            "--kubeconfig",
            server.kubeconfigPath().toString(),
            "--id",
            "solo",
            "--lease-lock-name",
            "solo-lease",
            "--retry-period",
            "200ms")) {
      run.awaitLine("solo: started leading; controller loop...");
      try (ClientSet clientSet = ClientSet.newForConfig(server.restConfig())) {
        Lease lease = clientSet.coordinationV1().leases("default").get("solo-lease");
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("solo");
        run.stop();
        run.awaitEnd();
        assertThat(run.lines())
            .contains("1 candidate(s) campaigning for the Lease default/solo-lease");
        // Released: the next candidate need not wait for the lease to expire.
        Lease released = clientSet.coordinationV1().leases("default").get("solo-lease");
        assertThat(released.getSpec().getHolderIdentity()).isNullOrEmpty();
      }
    }
  }
}
