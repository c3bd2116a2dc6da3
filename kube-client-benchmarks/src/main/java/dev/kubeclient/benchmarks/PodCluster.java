package dev.kubeclient.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.testing.EmbeddedApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A loopback API server ({@link EmbeddedApiServer} over plain HTTP) holding pods {@code 0..n-1} of
 * {@link PodFixtures}, the cluster the informer benchmarks list and watch. Pods are stored
 * in-process, without HTTP, so seeding is quick; their namespaces are created first.
 */
final class PodCluster implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EmbeddedApiServer server;
  private final Set<String> namespaces = new HashSet<>();
  private int next;

  PodCluster(int pods) {
    this.server = EmbeddedApiServer.newBuilder().https(false).build().start();
    addPods(pods);
  }

  /** Stores the next {@code count} fixture pods; each becomes an ADDED event for watchers. */
  void addPods(int count) {
    for (int i = 0; i < count; i++) {
      ObjectNode pod;
      try {
        pod = (ObjectNode) MAPPER.readTree(PodFixtures.podJson(next++));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // The server assigns resourceVersions; a create must not carry one.
      ((ObjectNode) pod.path("metadata")).remove("resourceVersion");
      String ns = pod.path("metadata").path("namespace").asText();
      try {
        if (namespaces.add(ns)) {
          server.create(
              "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                  + ns
                  + "\"}}");
        }
      } catch (IllegalArgumentException alreadyThere) {
        // The initial namespaces exist already.
      }
      server.create(pod.toString());
    }
  }

  /** The kubeconfig file of the server. */
  Path kubeconfig() {
    return server.kubeconfigPath();
  }

  @Override
  public void close() {
    server.close();
  }
}
