package dev.kubeclient.examples.createupdatedelete;

import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.PropagationPolicy;
import dev.kubeclient.core.retry.Retry;
import dev.kubeclient.examples.ClusterConnection;
import dev.kubeclient.examples.ExampleArgs;
import dev.kubeclient.examples.Examples;
import dev.kubeclient.examples.StopSignal;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.informers.watch.WaitTimeoutException;
import dev.kubeclient.informers.watch.WatchTools;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import dev.kubeclient.typed.api.apps.v1.DeploymentStatus;
import dev.kubeclient.typed.client.apps.v1.DeploymentClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Creates, updates, lists and deletes a Deployment, as client-go's create-update-delete-deployment
 * example does.
 *
 * <p>Run it with {@code --embedded} for an in-memory API server, {@code --kubeconfig PATH} and
 * {@code --context NAME} for a given cluster, or with no argument for the usual kubeconfig (and the
 * embedded server when there is none). {@code --namespace NS} picks the namespace. Unlike
 * client-go's example it does not pause for Return between the steps; instead it waits, with {@link
 * WatchTools}, until the Deployment is available (not on the embedded server, which runs no
 * controllers and says so) and, after deleting it, until it is gone.
 */
public final class Main {
  private static final String NAME = "demo-deployment";

  /** Enough to pull nginx on a fresh kind node. */
  private static final Duration AVAILABLE_TIMEOUT = Duration.ofMinutes(2);

  /** The garbage collector deletes two pods and a ReplicaSet first. */
  private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(1);

  private Main() {}

  /** Runs the example. */
  public static void main(String[] args) {
    Examples.runMain(Main::run, List.of(args));
  }

  /** Runs the example, printing to {@code out}; it ends when done, so it does not wait on stop. */
  public static void run(List<String> args, PrintStream out, StopSignal stop) {
    ExampleArgs options = ExampleArgs.parse(args);
    try (ClusterConnection connection = ClusterConnection.connect(options, out);
        ClientSet clientSet = ClientSet.newForConfig(connection.config())) {
      String namespace = connection.namespace();
      DeploymentClient deployments = clientSet.appsV1().deployments(namespace);

      out.println("Creating deployment...");
      Deployment created = deployments.create(demoDeployment());
      out.printf("Created deployment %s.%n", created.getMetadata().getName());
      if (connection.isEmbedded()) {
        out.println(
            "The embedded server runs no controllers, so the deployment gets no pods: not waiting"
                + " for it to become available.");
      } else {
        awaitAvailable(deployments, created, out);
      }

      // Another writer may change the object between our read and our write; the update then
      // fails with 409 Conflict, and we read again and redo the change, as client-go's
      // retry.RetryOnConflict does.
      out.println("Updating deployment...");
      Retry.onConflict(
          () -> {
            Deployment latest = deployments.get(NAME);
            latest.getSpec().setReplicas(1);
            latest.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.13");
            return deployments.update(latest);
          });
      out.println("Updated deployment...");

      out.printf("Listing deployments in namespace %s:%n", namespace);
      for (Deployment d : deployments.list().getItems()) {
        out.printf(" * %s (%d replicas)%n", d.getMetadata().getName(), d.getSpec().getReplicas());
      }

      out.println("Deleting deployment...");
      deployments.delete(
          NAME, DeleteOptions.none().propagationPolicy(PropagationPolicy.Foreground));
      awaitDeleted(deployments);
      out.println("Deleted deployment.");
    }
  }

  /**
   * Waits until every replica of the deployment is available, or {@link #AVAILABLE_TIMEOUT} has
   * passed. {@link WatchTools#until} watches from the resourceVersion of the created object through
   * a {@link dev.kubeclient.informers.watch.RetryWatcher}, so a watch the server ends is resumed
   * and no status change is missed.
   */
  private static void awaitAvailable(
      DeploymentClient deployments, Deployment created, PrintStream out) {
    out.println("Waiting for deployment to become available...");
    try {
      WatchEvent<Deployment> event =
          WatchTools.until(
              AVAILABLE_TIMEOUT,
              created.getMetadata().getResourceVersion(),
              opts -> deployments.watch(opts.fieldSelector("metadata.name=" + NAME)),
              e -> e.type() != WatchEvent.Type.DELETED && isAvailable(e.object()));
      out.printf(
          "Deployment is available: %d of %d replicas.%n",
          event.object().getStatus().getAvailableReplicas(),
          event.object().getSpec().getReplicas());
    } catch (WaitTimeoutException e) {
      // Slow image pulls, a full node: the rest of the example works all the same.
      out.printf(
          "Deployment not available after %ss (kubectl describe deployment %s says why); going"
              + " on.%n",
          AVAILABLE_TIMEOUT.toSeconds(), NAME);
    }
  }

  /**
   * Whether the deployment controller has seen the latest spec and all the replicas it asks for are
   * available.
   */
  static boolean isAvailable(Deployment d) {
    DeploymentStatus status = d.getStatus();
    Long generation = d.getMetadata().getGeneration();
    return status != null
        && status.getObservedGeneration() != null
        && (generation == null || status.getObservedGeneration() >= generation)
        && Objects.equals(status.getAvailableReplicas(), d.getSpec().getReplicas());
  }

  /**
   * Waits until the deployment is gone: with foreground propagation the API server keeps it, marked
   * for deletion, until the garbage collector has deleted its ReplicaSets and their pods. {@link
   * WatchTools#untilWithSync} lists first, so a deployment already gone ends the wait at once.
   */
  private static void awaitDeleted(DeploymentClient deployments) {
    WatchTools.untilWithSync(
        DELETE_TIMEOUT,
        ListerWatcher.forResource(deployments).withFieldSelector("metadata.name=" + NAME),
        Deployment.class,
        store -> store.list().isEmpty(),
        e -> e.type() == WatchEvent.Type.DELETED);
  }

  /** Two nginx replicas, as in client-go's example. */
  static Deployment demoDeployment() {
    return new Deployment()
        .metadata(m -> m.name(NAME))
        .spec(
            s ->
                s.replicas(2)
                    .selector(sel -> sel.putInMatchLabels("app", "demo"))
                    .template(
                        t ->
                            t.metadata(m -> m.putInLabels("app", "demo"))
                                .spec(
                                    p ->
                                        p.addToContainers(
                                            c ->
                                                c.name("web")
                                                    .image("nginx:1.12")
                                                    .addToPorts(
                                                        port ->
                                                            port.name("http")
                                                                .protocol("TCP")
                                                                .containerPort(80))))));
  }
}
