package dev.kubeclient.benchmarks.e2e;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The official Kubernetes Java client 25.0.0: {@code Config.defaultClient()} (which reads {@code
 * KUBECONFIG}) and {@link CoreV1Api}, with no read timeout so that the 50,000-pod list can finish.
 * It has no client-side rate limit to lift. Safe for concurrent use, as its {@code ApiClient}.
 */
public final class OfficialPeer implements PeerClient {
  private final CoreV1Api api;

  /** Loads the default configuration. */
  public OfficialPeer() {
    try {
      ApiClient client = Config.defaultClient();
      client.setReadTimeout(0);
      api = new CoreV1Api(client);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one operation; see {@link E2eRunner}. */
  public static void main(String[] args) throws Exception {
    E2eRunner.run(args, OfficialPeer::new);
  }

  @Override
  public int listPods(String namespace) {
    try {
      return api.listNamespacedPod(namespace).execute().getItems().size();
    } catch (ApiException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String getPod(String namespace, String name) {
    try {
      return api.readNamespacedPod(name, namespace).execute().getMetadata().getName();
    } catch (ApiException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void createAndDeleteConfigMap(String namespace, String name) {
    try {
      api.createNamespacedConfigMap(
              namespace,
              new V1ConfigMap()
                  .metadata(new V1ObjectMeta().name(name))
                  .data(Map.of("key", "value")))
          .execute();
      api.deleteNamespacedConfigMap(name, namespace).execute();
    } catch (ApiException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // The ApiClient's OkHttp threads are daemons; nothing to release.
  }
}
