package dev.kubeclient.examples.incluster;

import dev.kubeclient.examples.Examples;
import dev.kubeclient.examples.StopSignal;
import java.io.PrintStream;
import java.util.List;

/**
 * Lists the cluster's pods every few seconds from inside a pod, with the pod's service account:
 * client-go's in-cluster-client-configuration example. Outside a pod it says so and falls back to
 * the kubeconfig, then to an embedded server, so that it can be tried anywhere.
 *
 * <p>The service account needs permission to list pods in all namespaces (for example {@code
 * kubectl create clusterrolebinding default-view --clusterrole=view
 * --serviceaccount=default:default}); without it each round reports the Forbidden error. Options
 * are those of the out-of-cluster example.
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
    dev.kubeclient.examples.outofcluster.Main.poll(args, out, stop, true);
  }
}
