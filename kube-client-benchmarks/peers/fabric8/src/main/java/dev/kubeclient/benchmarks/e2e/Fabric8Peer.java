package dev.kubeclient.benchmarks.e2e;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * fabric8 kubernetes-client 8.0.0 with its default HTTP client, configured from the kubeconfig as
 * its auto-configuration finds it, with its per-host request concurrency lifted for the 16-thread
 * run. Safe for concurrent use, as the fabric8 client.
 */
public final class Fabric8Peer implements PeerClient {
  private final KubernetesClient client;

  /** Auto-configures from {@code KUBECONFIG}. */
  public Fabric8Peer() {
    Config config =
        new ConfigBuilder(Config.autoConfigure(null))
            .withMaxConcurrentRequests(256)
            .withMaxConcurrentRequestsPerHost(256)
            .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Runs one operation; see {@link E2eRunner}. */
  public static void main(String[] args) throws Exception {
    E2eRunner.run(args, Fabric8Peer::new);
  }

  @Override
  public int listPods(String namespace) {
    return client.pods().inNamespace(namespace).list().getItems().size();
  }

  @Override
  public String getPod(String namespace, String name) {
    return client.pods().inNamespace(namespace).withName(name).get().getMetadata().getName();
  }

  @Override
  public void createAndDeleteConfigMap(String namespace, String name) {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData("key", "value")
                .build())
        .create();
    client.configMaps().inNamespace(namespace).withName(name).delete();
  }

  @Override
  public void close() {
    client.close();
  }
}
