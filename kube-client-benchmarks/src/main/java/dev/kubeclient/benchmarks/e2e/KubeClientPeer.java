package dev.kubeclient.benchmarks.e2e;

import dev.kubeclient.rest.RateLimiter;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.clientcmd.KubeConfigLoader;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.ConfigMap;

/**
 * kube-client's end-to-end program: a {@link ClientSet} from the default kubeconfig, as a
 * command-line program makes one, with the rate limiter lifted (client-go's default is 5 QPS). Run
 * by {@code RunAll} on a class path of kube-client's modules alone.
 */
public final class KubeClientPeer implements PeerClient {
  private final ClientSet clients;

  /** Loads the kubeconfig that {@code KUBECONFIG} names (or the default one). */
  public KubeClientPeer() {
    this(KubeConfigLoader.loadDefault());
  }

  /** A client of {@code config}, its rate limiter lifted. */
  KubeClientPeer(RestConfig config) {
    clients =
        ClientSet.newForConfig(config.newBuilder().rateLimiter(RateLimiter.unlimited()).build());
  }

  /** Runs one operation; see {@link E2eRunner}. */
  public static void main(String[] args) throws Exception {
    E2eRunner.run(args, KubeClientPeer::new);
  }

  @Override
  public int listPods(String namespace) {
    return clients.coreV1().pods(namespace).list().getItems().size();
  }

  @Override
  public String getPod(String namespace, String name) {
    return clients.coreV1().pods(namespace).get(name).getMetadata().getName();
  }

  @Override
  public void createAndDeleteConfigMap(String namespace, String name) {
    clients
        .coreV1()
        .configMaps(namespace)
        .create(new ConfigMap().metadata(m -> m.name(name)).putInData("key", "value"));
    clients.coreV1().configMaps(namespace).delete(name);
  }

  @Override
  public void close() {
    clients.close();
  }
}
