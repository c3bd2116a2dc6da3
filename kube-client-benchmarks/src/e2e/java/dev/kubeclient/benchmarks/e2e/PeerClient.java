package dev.kubeclient.benchmarks.e2e;

/**
 * What the end-to-end benchmarks ask of each client, through its own typed API over HTTP. One
 * implementation per client, each compiled and run on a class path of that client alone. An
 * implementation loads its configuration as a command-line program would: from the kubeconfig that
 * the {@code KUBECONFIG} environment variable names, with client-side rate limits lifted so that
 * the clients are compared and not their throttles. Implementations are safe for concurrent use.
 */
public interface PeerClient extends AutoCloseable {

  /** Lists the pods of {@code namespace} into the client's typed list; returns the item count. */
  int listPods(String namespace);

  /** Gets one pod into the client's typed model; returns its name. */
  String getPod(String namespace, String name);

  /** Creates a ConfigMap named {@code name} with one data entry, then deletes it. */
  void createAndDeleteConfigMap(String namespace, String name);

  @Override
  void close();
}
