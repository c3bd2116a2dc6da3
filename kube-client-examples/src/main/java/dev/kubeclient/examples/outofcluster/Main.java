package dev.kubeclient.examples.outofcluster;

import dev.kubeclient.examples.ClusterConnection;
import dev.kubeclient.examples.ExampleArgs;
import dev.kubeclient.examples.Examples;
import dev.kubeclient.examples.Seeds;
import dev.kubeclient.examples.StopSignal;
import dev.kubeclient.rest.InClusterConfig;
import dev.kubeclient.typed.ClientSet;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Lists the cluster's pods every few seconds from outside the cluster, with the configuration
 * kubectl uses: client-go's out-of-cluster-client-configuration example.
 *
 * <p>Options besides the common ones: {@code --interval 10s} between rounds, {@code --pod NAME} the
 * pod to look for (default {@code example-xxxxx}, which does not exist, to show a not-found error).
 * It runs until Ctrl-C or {@code --duration}.
 */
public final class Main {
  private Main() {}

  /** Runs the example. */
  public static void main(String[] args) {
    Examples.runMain(Main::run, List.of(args));
  }

  /** Runs the example, printing to {@code out}, until {@code stop} is raised. */
  public static void run(List<String> args, PrintStream out, StopSignal stop)
      throws InterruptedException {
    poll(args, out, stop, false);
  }

  /**
   * The loop of both configuration examples.
   *
   * @param preferInCluster whether in-cluster configuration comes before the kubeconfig files
   */
  public static void poll(
      List<String> args, PrintStream out, StopSignal stop, boolean preferInCluster)
      throws InterruptedException {
    ExampleArgs options = ExampleArgs.parse(args, Set.of("interval", "pod"), Set.of());
    Duration interval = options.duration("interval", Duration.ofSeconds(10));
    try (ClusterConnection connection = ClusterConnection.connect(options, out, preferInCluster);
        ClientSet clientSet = ClientSet.newForConfig(connection.config())) {
      if (preferInCluster && !InClusterConfig.isAvailable()) {
        out.println(
            "Not running in a pod (no KUBERNETES_SERVICE_HOST, KUBERNETES_SERVICE_PORT and service"
                + " account token): using the cluster above instead");
      }
      if (connection.isEmbedded()) {
        Seeds.pods(clientSet, connection.namespace(), "web", "web-0", "web-1", "web-2");
        Seeds.pods(clientSet, "kube-system", "coredns", "coredns-0", "coredns-1");
      }
      PodPoller poller =
          new PodPoller(
              clientSet, out, connection.namespace(), options.value("pod", "example-xxxxx"));
      stop.stopAfter(options.runFor());
      poller.run(interval, stop);
      out.printf("Stopping (%s)%n", stop.reason());
    }
  }
}
