package dev.kubeclient.examples.dynamiccreateupdatedelete;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PropagationPolicy;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.core.retry.Retry;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.ResourceInterface;
import dev.kubeclient.examples.ClusterConnection;
import dev.kubeclient.examples.ExampleArgs;
import dev.kubeclient.examples.Examples;
import dev.kubeclient.examples.StopSignal;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Creates, updates, lists and deletes a Deployment through the {@link DynamicClient}, as
 * client-go's dynamic-create-update-delete-deployment example does: the Deployment is an {@link
 * Unstructured} map addressed by its {@link GroupVersionResource}, so the same code works for any
 * kind, custom resources included, without generated classes.
 *
 * <p>Options as in create-update-delete-deployment ({@code --embedded}, {@code --kubeconfig},
 * {@code --context}, {@code --namespace}). Unlike client-go's example it does not pause for Return
 * between the steps.
 */
public final class Main {
  private static final String NAME = "demo-deployment";

  /** Deployments as the API server serves them: group apps, version v1, resource deployments. */
  static final GroupVersionResource DEPLOYMENTS =
      new GroupVersionResource("apps", "v1", "deployments");

  private Main() {}

  /** Runs the example. */
  public static void main(String[] args) {
    Examples.runMain(Main::run, List.of(args));
  }

  /** Runs the example, printing to {@code out}; it ends when done, so it does not wait on stop. */
  public static void run(List<String> args, PrintStream out, StopSignal stop) {
    ExampleArgs options = ExampleArgs.parse(args);
    try (ClusterConnection connection = ClusterConnection.connect(options, out);
        DynamicClient client = DynamicClient.forConfig(connection.config())) {
      String namespace = connection.namespace();
      ResourceInterface deployments = client.resource(DEPLOYMENTS).namespace(namespace);

      out.println("Creating deployment...");
      Unstructured created = deployments.create(demoDeployment(), CreateOptions.none());
      out.printf("Created deployment %s.%n", created.getName());

      // Read, change and write back, again on 409 Conflict: changes other clients made between
      // our read and our write are kept, not overwritten (client-go's retry.RetryOnConflict).
      out.println("Updating deployment...");
      Retry.onConflict(
          () -> {
            Unstructured latest = deployments.get(NAME, GetOptions.none());
            latest.setNestedLong(1, "spec", "replicas");
            // A deep copy: change it, then set it back.
            List<Object> containers =
                latest
                    .getNestedSlice("spec", "template", "spec", "containers")
                    .filter(list -> !list.isEmpty())
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "deployment " + NAME + " has no spec.template.spec.containers"));
            container(containers.get(0)).put("image", "nginx:1.13");
            latest.setNestedSlice(containers, "spec", "template", "spec", "containers");
            return deployments.update(latest, UpdateOptions.none());
          });
      out.println("Updated deployment...");

      out.printf("Listing deployments in namespace %s:%n", namespace);
      for (Unstructured d : deployments.list(ListOptions.none()).getItems()) {
        OptionalLong replicas = d.getNestedLong("spec", "replicas");
        if (replicas.isEmpty()) {
          out.printf("Replicas not found for deployment %s%n", d.getName());
          continue;
        }
        out.printf(" * %s (%d replicas)%n", d.getName(), replicas.getAsLong());
      }

      out.println("Deleting deployment...");
      deployments.delete(
          NAME, DeleteOptions.none().propagationPolicy(PropagationPolicy.Foreground));
      out.println("Deleted deployment.");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Object item) {
    if (!(item instanceof Map<?, ?>)) {
      throw new IllegalStateException(
          "deployment " + NAME + ": spec.template.spec.containers[0] is not an object");
    }
    return (Map<String, Object>) item;
  }

  /** Two nginx replicas, as in client-go's example, written as the JSON map of a Deployment. */
  static Unstructured demoDeployment() {
    Map<String, Object> labels = Map.of("app", "demo");
    return new Unstructured()
        .setApiVersion("apps/v1")
        .setKind("Deployment")
        .setName(NAME)
        .setNestedMap(
            Map.of(
                "replicas",
                2,
                "selector",
                Map.of("matchLabels", labels),
                "template",
                Map.of(
                    "metadata",
                    Map.of("labels", labels),
                    "spec",
                    Map.of(
                        "containers",
                        List.of(
                            Map.of(
                                "name",
                                "web",
                                "image",
                                "nginx:1.12",
                                "ports",
                                List.of(
                                    Map.of(
                                        "name",
                                        "http",
                                        "protocol",
                                        "TCP",
                                        "containerPort",
                                        80))))))),
            "spec");
  }
}
