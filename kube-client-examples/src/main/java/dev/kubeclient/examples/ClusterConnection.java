package dev.kubeclient.examples;

import dev.kubeclient.rest.InClusterConfig;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.clientcmd.KubeConfig;
import dev.kubeclient.rest.clientcmd.LoadingRules;
import dev.kubeclient.testing.EmbeddedApiServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The cluster an example talks to, chosen as client-go's deferred loader chooses, with an embedded
 * API server as the last resort:
 *
 * <ol>
 *   <li>{@code --embedded}: an {@link EmbeddedApiServer} started for the example;
 *   <li>{@code --kubeconfig PATH} and/or {@code --context NAME}: that file (or the default files)
 *       and that context;
 *   <li>the default kubeconfig files ({@code $KUBECONFIG}, else {@code ~/.kube/config});
 *   <li>in-cluster configuration, inside a pod;
 *   <li>otherwise an embedded server, since there is nothing else to talk to.
 * </ol>
 *
 * <p>The in-cluster example asks for in-cluster configuration first ({@link #connect(ExampleArgs,
 * PrintStream, boolean)}). The first line printed names the cluster chosen. Close the connection to
 * stop the embedded server.
 */
public final class ClusterConnection implements AutoCloseable {
  private final RestConfig config;
  private final String namespace;
  private final boolean inCluster;
  private final @Nullable EmbeddedApiServer server;

  private ClusterConnection(
      RestConfig config, String namespace, boolean inCluster, @Nullable EmbeddedApiServer server) {
    this.config = config;
    this.namespace = namespace;
    this.inCluster = inCluster;
    this.server = server;
  }

  /** Connects as the command line says, telling {@code out} which cluster it chose. */
  public static ClusterConnection connect(ExampleArgs args, PrintStream out) {
    return connect(args, out, false);
  }

  /**
   * Connects as the command line says, preferring in-cluster configuration to kubeconfig files when
   * {@code preferInCluster} (as a program meant to run in a pod does).
   *
   * @throws dev.kubeclient.rest.clientcmd.KubeConfigException when the kubeconfig named is missing
   *     or invalid, or lacks the context named
   */
  public static ClusterConnection connect(
      ExampleArgs args, PrintStream out, boolean preferInCluster) {
    @Nullable String namespaceFlag = args.value("namespace").orElse(null);
    if (args.has("embedded")) {
      return embedded(out, "--embedded", namespaceFlag);
    }
    Optional<String> explicit = args.value("kubeconfig");
    Optional<String> context = args.value("context");
    if (explicit.isPresent() || context.isPresent()) {
      LoadingRules rules =
          explicit.map(p -> LoadingRules.explicit(Path.of(p))).orElseGet(LoadingRules::defaults);
      return fromKubeconfig(rules, context.orElse(null), namespaceFlag, out);
    }
    if (preferInCluster && InClusterConfig.isAvailable()) {
      return inCluster(namespaceFlag, out);
    }
    LoadingRules rules = LoadingRules.defaults();
    if (!rules.files().isEmpty()) {
      return fromKubeconfig(rules, null, namespaceFlag, out);
    }
    if (InClusterConfig.isAvailable()) {
      return inCluster(namespaceFlag, out);
    }
    return embedded(out, "no kubeconfig or in-cluster configuration found", namespaceFlag);
  }

  private static ClusterConnection fromKubeconfig(
      LoadingRules rules,
      @Nullable String context,
      @Nullable String namespaceFlag,
      PrintStream out) {
    KubeConfig kubeconfig = rules.load();
    RestConfig config = kubeconfig.toRestConfig(context);
    String contextName = context != null ? context : kubeconfig.currentContext();
    out.printf(
        "Using cluster %s (context %s of %s)%n",
        config.host(),
        contextName,
        kubeconfig.files().size() == 1 ? kubeconfig.files().get(0) : kubeconfig.files());
    String namespace = namespaceFlag != null ? namespaceFlag : kubeconfig.namespace(context);
    return new ClusterConnection(config, namespace, false, null);
  }

  private static ClusterConnection inCluster(@Nullable String namespaceFlag, PrintStream out) {
    RestConfig config = InClusterConfig.load();
    String namespace = namespaceFlag != null ? namespaceFlag : InClusterConfig.namespace();
    out.printf(
        "Using in-cluster configuration: %s as the pod's service account (namespace %s)%n",
        config.host(), InClusterConfig.namespace());
    return new ClusterConnection(config, namespace, true, null);
  }

  private static ClusterConnection embedded(
      PrintStream out, String why, @Nullable String namespaceFlag) {
    EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start();
    out.printf("Using an embedded API server at %s (%s)%n", server.url(), why);
    return new ClusterConnection(
        server.restConfig(), namespaceFlag != null ? namespaceFlag : "default", false, server);
  }

  /** The configuration to build clients from. */
  public RestConfig config() {
    return config;
  }

  /** The namespace to work in: {@code --namespace}, else the context's, else {@code default}. */
  public String namespace() {
    return namespace;
  }

  /**
   * The embedded server when the example runs against one: examples seed objects into it so that
   * there is something to see, and must not wait for controllers it does not run.
   */
  public Optional<EmbeddedApiServer> embeddedServer() {
    return Optional.ofNullable(server);
  }

  /** Whether the configuration is the pod's own (in-cluster). */
  public boolean isInCluster() {
    return inCluster;
  }

  /** Whether the example talks to an embedded server. */
  public boolean isEmbedded() {
    return server != null;
  }

  /** Stops the embedded server, if one was started. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
