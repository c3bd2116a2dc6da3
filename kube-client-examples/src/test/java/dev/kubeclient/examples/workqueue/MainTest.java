package dev.kubeclient.examples.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.examples.ExampleRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the workqueue example against the embedded server, as CI does, and checks its output. */
class MainTest {
  private static final String WEB0_SYNC = "Sync/Add/Update for Pod web-0";

  @Test
  void run_embedded_syncsSeededPodsRetriesDropsAndShutsDownCleanly() {
    List<String> lines;
    try (ExampleRun run =
        ExampleRun.start("workqueue", Main::run, "--embedded", "--workers", "2")) {
      // The seeded pods, from the first list.
      run.awaitLine("Sync/Add/Update for Pod web-0");
      run.awaitLine("Sync/Add/Update for Pod web-2");
      // The pod the cache was warmed with is reported gone once the cache synced.
      run.awaitLine("Pod default/mypod does not exist anymore");
      // The changes made once the controller ran: an add, an update, a delete.
      run.awaitLine("Sync/Add/Update for Pod web-3");
      run.awaitLine("Pod default/web-1 does not exist anymore");
      // The pod that fails to sync: retried with backoff, then dropped.
      run.awaitLine(
          "the drop",
          l ->
              l.equals(
                  "Dropping pod default/flaky-0 out of the queue after 5 retries: pod asks to fail"
                      + " (examples.kubeclient.dev/fail-sync)"));
      // web-0 again, once labelled.
      await("web-0 synced twice")
          .atMost(ExampleRun.PATIENCE)
          .until(() -> run.lines().stream().filter(WEB0_SYNC::equals).count() >= 2);
      run.stop();
      run.awaitEnd();
      lines = run.lines();
    }
    assertThat(lines.get(0)).startsWith("Using an embedded API server at ");
    assertThat(lines.get(1)).isEqualTo("Starting Pod controller");
    assertThat(lines.stream().filter(l -> l.startsWith("Syncing pod default/flaky-0 failed")))
        .hasSize(Controller.MAX_RETRIES);
    assertThat(lines).containsSubsequence("Stopping (interrupted)", "Stopping Pod controller");
    assertThat(lines).last().isEqualTo("Stopping Pod controller");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("pod-controller-worker-"));
  }
}
