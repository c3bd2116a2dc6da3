package dev.kubeclient.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.benchmarks.e2e.BenchApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every peer's informer against the benchmark server, as {@code RunAll} runs them: it syncs the
 * pods of a namespace and is told of every streamed watch event exactly once.
 */
class InformerRunTest {
  private static BenchApiServer server;
  private static Path kubeconfig;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    server = new BenchApiServer();
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, server.kubeconfig());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(InformerPeer.class)
  void syncAndWatch_eachPeer_cachesThePodsAndCountsEveryEvent(InformerPeer peer) throws Exception {
    InformerRun run = new InformerRun(peer, kubeconfig);
    run.sync("pods-30", 30, 2);
    run.watch(1_500, 1, 0);
    assertThat(run.results())
        .containsKeys("sync.1", "sync.2", "synccpu.1", "watch.1", "watchcpu.1")
        .doesNotContainKey("watch.2")
        .allSatisfy((key, value) -> assertThat(value).as(key).isPositive());
    // With no warm-up time the first round still warms up, and only the one after it is reported.
    assertThat(run.results()).containsEntry("watchwarmup", 1.0);
  }

  @Test
  void sync_wrongPodCount_failsNamingIt() {
    InformerRun run = new InformerRun(InformerPeer.KUBECLIENT, kubeconfig);
    assertThatThrownBy(() -> run.sync("pods-30", 31, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cached 30 of 31 pods");
  }
}
