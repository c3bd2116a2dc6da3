package dev.kubeclient.examples;

import dev.kubeclient.core.errors.KubeClientException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples' launcher: {@code Examples NAME [OPTIONS]} runs the example named, which is how the
 * Maven profile {@code run-example} starts them ({@code -Dexample=NAME -Dexample.args="..."}).
 * Without a name, or with {@code --help}, it lists the examples and the options they share.
 */
public final class Examples {
  /** How long Ctrl-C waits for an example to shut down before the JVM exits anyway. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

  private static final Map<String, Entry> EXAMPLES = new LinkedHashMap<>();

  static {
    add(
        "create-update-delete-deployment",
        "create, update, list and delete a Deployment with the typed ClientSet",
        dev.kubeclient.examples.createupdatedelete.Main::run);
    add(
        "dynamic-create-update-delete-deployment",
        "the same through the DynamicClient, with the Deployment as an Unstructured map",
        dev.kubeclient.examples.dynamiccreateupdatedelete.Main::run);
    add(
        "in-cluster-client-configuration",
        "count the cluster's pods every few seconds with the pod's service account",
        dev.kubeclient.examples.incluster.Main::run);
    add(
        "out-of-cluster-client-configuration",
        "count the cluster's pods every few seconds with the kubeconfig's credentials",
        dev.kubeclient.examples.outofcluster.Main::run);
    add(
        "leader-election",
        "candidates elect a leader on a Lease; when it stops, another takes over",
        dev.kubeclient.examples.leaderelection.Main::run);
    add(
        "workqueue",
        "a pod informer feeding a rate-limited workqueue drained by worker threads",
        dev.kubeclient.examples.workqueue.Main::run);
    add(
        "crd-controller",
        "a sample-controller: Foo custom resources reconciled into owned Deployments",
        dev.kubeclient.examples.crdcontroller.Main::run);
  }

  private Examples() {}

  private static void add(String name, String summary, Example example) {
    EXAMPLES.put(name, new Entry(name, summary, example));
  }

  /** An example's name, what it shows, and how to run it. */
  private record Entry(String name, String summary, Example example) {}

  /** Runs the example named by the first argument with the remaining arguments. */
  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-help")) {
      usage(System.out);
      return;
    }
    Entry entry = EXAMPLES.get(args[0]);
    if (entry == null) {
      System.err.println("error: no example named '" + args[0] + "'");
      usage(System.err);
      exit(2);
      return;
    }
    runMain(entry.example(), Arrays.asList(args).subList(1, args.length));
  }

  /**
   * Runs {@code example} as a program: Ctrl-C stops it cleanly, and a failure is reported as one
   * clear line on stderr and a non-zero exit status, rather than a stack trace.
   */
  public static void runMain(Example example, List<String> args) {
    int status = run(example, args, System.out, System.err);
    if (status != 0) {
      exit(status);
    }
  }

  /**
   * Runs {@code example}, reporting failures to {@code err}.
   *
   * @return the exit status: 0 when it ran to its end, 1 when it failed, 2 for a bad command line
   */
  static int run(Example example, List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help")) {
      usage(out);
      return 0;
    }
    StopSignal stop = new StopSignal();
    Thread hook = stop.installShutdownHook(SHUTDOWN_GRACE);
    try {
      example.run(args, out, stop);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println("(--help lists the options)");
      return 2;
    } catch (KubeClientException | IllegalStateException e) {
      // API errors, unusable configuration (kubeconfig, in-cluster), a CRD that never got
      // established: the message says what and where.
      err.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted");
      return 1;
    } finally {
      stop.finished();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already exiting (Ctrl-C): the hook has run.
      }
    }
  }

  private static void usage(PrintStream out) {
    out.println("Usage: Examples NAME [OPTIONS]");
    out.println("  with Maven: mvn -B -q -pl kube-client-examples -am package -DskipTests \\");
    out.println("                -P run-example -Dexample=NAME -Dexample.args=\"OPTIONS\"");
    out.println();
    out.println("Examples:");
    for (Entry e : EXAMPLES.values()) {
      out.printf("  %-40s %s%n", e.name(), e.summary());
    }
    out.println();
    out.println("Options every example takes:");
    out.println(
        "  --kubeconfig PATH   kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)");
    out.println("  --context NAME      kubeconfig context (default: its current context)");
    out.println("  --namespace NS      namespace (default: the context's, else default)");
    out.println("  --embedded          use an in-memory API server (also the default when there");
    out.println("                      is no kubeconfig and no in-cluster configuration)");
    out.println("  --duration 30s      stop after this long (examples that run until Ctrl-C)");
  }

  @SuppressWarnings("SystemExitOutsideMain")
  private static void exit(int status) {
    System.exit(status);
  }
}
