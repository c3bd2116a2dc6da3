package dev.kubeclient.examples;

import dev.kubeclient.rest.InClusterConfig;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.clientcmd.KubeConfigLoader;
import dev.kubeclient.rest.clientcmd.LoadingRules;
import dev.kubeclient.testing.EmbeddedApiServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cluster an example talks to: the usual kubeconfig (as kubectl finds it, or {@code
 * --kubeconfig PATH}), in-cluster config inside a pod, or an embedded API server when asked with
 * {@code --embedded} or when there is no configuration at all. Close it to stop the embedded
 * server.
 */
public final class ClusterConnection implements AutoCloseable {
  private final RestConfig config;
  private final @Nullable EmbeddedApiServer server;

  private ClusterConnection(RestConfig config, @Nullable EmbeddedApiServer server) {
    this.config = config;
    this.server = server;
  }

  /** Connects as the command line says, telling {@code out} which cluster it chose. */
  public static ClusterConnection fromArgs(List<String> args, PrintStream out) {
    int i = args.indexOf("--kubeconfig");
    if (i >= 0) {
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("--kubeconfig needs a path");
      }
      Path file = Path.of(args.get(i + 1));
      out.println("Using kubeconfig " + file);
      return new ClusterConnection(KubeConfigLoader.load(LoadingRules.explicit(file)), null);
    }
    if (!args.contains("--embedded")) {
      if (InClusterConfig.isAvailable()) {
        out.println("Using in-cluster configuration");
        return new ClusterConnection(InClusterConfig.load(), null);
      }
      LoadingRules rules = LoadingRules.defaults();
      if (rules.files().stream().anyMatch(Files::isRegularFile)) {
        out.println("Using kubeconfig " + rules.files());
        return new ClusterConnection(KubeConfigLoader.load(rules), null);
      }
      out.println("No kubeconfig found: starting an embedded API server");
    } else {
      out.println("Starting an embedded API server");
    }
    EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start();
    return new ClusterConnection(server.restConfig(), server);
  }

  /** The configuration to build clients from. */
  public RestConfig config() {
    return config;
  }

  /** Stops the embedded server, if one was started. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
