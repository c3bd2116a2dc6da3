package dev.kubeclient.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.benchmarks.PodFixtures;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.rest.clientcmd.KubeConfigLoader;
import org.junit.jupiter.api.Test;

/** kube-client's end-to-end program against the benchmark server, as {@code RunAll} runs it. */
class KubeClientPeerTest {

  @Test
  void operations_againstTheBenchServer_decodeWhatItServes() throws Exception {
    try (BenchApiServer server = new BenchApiServer();
        KubeClientPeer client =
            new KubeClientPeer(KubeConfigLoader.fromYaml(server.kubeconfig()))) {
      assertThat(client.listPods("pods-3")).isEqualTo(3);
      assertThat(client.getPod("any", PodFixtures.podName(0))).isEqualTo(PodFixtures.podName(0));
      for (int i = 0; i < 20; i++) {
        client.createAndDeleteConfigMap("bench", "cm-" + i);
      }
      assertThatThrownBy(() -> client.listPods("elsewhere")).isInstanceOf(NotFoundException.class);
    }
  }
}
