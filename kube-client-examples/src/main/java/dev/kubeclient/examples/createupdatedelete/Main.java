package dev.kubeclient.examples.createupdatedelete;

import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.PropagationPolicy;
import dev.kubeclient.core.retry.Retry;
import dev.kubeclient.examples.ClusterConnection;
import dev.kubeclient.examples.ExampleArgs;
import dev.kubeclient.examples.Examples;
import dev.kubeclient.examples.StopSignal;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import dev.kubeclient.typed.client.apps.v1.DeploymentClient;
import java.io.PrintStream;
import java.util.List;

/**
 * Creates, updates, lists and deletes a Deployment, as client-go's create-update-delete-deployment
 * example does.
 *
 * <p>Run it with {@code --embedded} for an in-memory API server, {@code --kubeconfig PATH} and
 * {@code --context NAME} for a given cluster, or with no argument for the usual kubeconfig (and the
 * embedded server when there is none). {@code --namespace NS} picks the namespace. Unlike
 * client-go's example it does not pause for Return between the steps.
 */
public final class Main {
  private static final String NAME = "demo-deployment";

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
      out.println("Deleted deployment.");
    }
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
