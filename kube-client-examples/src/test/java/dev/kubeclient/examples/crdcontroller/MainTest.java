package dev.kubeclient.examples.crdcontroller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.meta.v1.OwnerReference;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.examples.ExampleRun;
import dev.kubeclient.examples.crdcontroller.v1alpha1.Foo;
import dev.kubeclient.examples.crdcontroller.v1alpha1.FooList;
import dev.kubeclient.examples.crdcontroller.v1alpha1.Foos;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.ResourceClient;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Runs the CRD controller against embedded servers, as CI does, and checks what it did. */
@EmbeddedKube
class MainTest {
  @Test
  void run_embedded_reconcilesSeededFoosAndStopsInOrder() {
    List<String> lines;
    try (ExampleRun run = ExampleRun.start("crd-controller", Main::run, "--embedded")) {
      run.awaitLine("Created deployment default/example-foo for foo default/example-foo");
      run.awaitLine(
          "Scaling deployment default/example-foo from 1 to 3 replicas for foo default/example-foo");
      run.awaitLine("Updated status of foo default/example-foo: 0 of 3 replicas available");
      run.awaitLine(
          "Error syncing foo default/conflicting-foo, requeuing: Resource unowned already exists"
              + " and is not managed by Foo");
      run.stop();
      run.awaitEnd();
      lines = run.lines();
    }
    assertThat(lines.get(0)).startsWith("Using an embedded API server at ");
    assertThat(lines)
        .containsSubsequence(
            "Installed CustomResourceDefinition foos.examples.kubeclient.dev",
            "The embedded server runs no controllers: Deployments get no pods there, so the Foos"
                + " report 0 available replicas",
            "Started leading",
            "Starting the Foo controller",
            "Scaling foo default/example-foo to 3 replicas",
            "Stopping (interrupted)",
            "Stopped the Foo controller",
            "Released the lease");
    // Printed by a worker after the write that the main thread waits for: in either order.
    assertThat(lines)
        .contains("Updated status of foo default/example-foo: 0 of 1 replicas available");
    assertThat(lines).last().isEqualTo("Released the lease");
  }

  @Test
  void run_stoppedBeforeItStarts_endsWithoutInstallingOrCampaigning(EmbeddedApiServer server) {
    List<String> lines =
        ExampleRun.runStopped(
            "crd-controller", Main::run, "--kubeconfig", server.kubeconfigPath().toString());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("Using cluster ");
    assertThat(lines.get(1)).isEqualTo("Stopping (interrupted)");
  }

  @Test
  void run_againstAServer_installsCrdOwnsDeploymentWritesStatusAndHandsOver(
      EmbeddedApiServer server) {
    String kubeconfig = server.kubeconfigPath().toString();
    try (ClientSet clientSet = ClientSet.newForConfig(server.restConfig());
        ExampleRun first =
            ExampleRun.start(
                "crd-controller", Main::run, "--kubeconfig", kubeconfig, "--id", "a")) {
      first.awaitLine("Started 2 workers");
      assertThat(first.lines())
          .contains("Installed CustomResourceDefinition foos.examples.kubeclient.dev");

      ResourceClient<Foo, FooList> foos = Foos.client(clientSet, "default");
      Foo foo =
          foos.create(
              new Foo()
                  .metadata(m -> m.name("web"))
                  .spec(s -> s.deploymentName("web-app").replicas(2)),
              CreateOptions.none());

      // The owned Deployment: as the Foo asks, controlled by it.
      Deployment deployment =
          eventually(() -> clientSet.appsV1().deployments("default").get("web-app"));
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
      OwnerReference owner = deployment.getMetadata().getOwnerReferences().get(0);
      assertThat(owner.getKind()).isEqualTo("Foo");
      assertThat(owner.getUid()).isEqualTo(foo.getMetadata().getUid());
      assertThat(owner.getController()).isTrue();

      // The status, through the status subresource.
      awaitStatus(foos, 0);
      assertThat(foos.get("web", GetOptions.none()).getStatus().getObservedGeneration())
          .isEqualTo(foo.getMetadata().getGeneration());

      // The Event sample-controller records after a sync.
      await("a Synced event")
          .atMost(ExampleRun.PATIENCE)
          .until(
              () ->
                  clientSet.coreV1().events("default").list().getItems().stream()
                      .anyMatch(
                          e ->
                              "Synced".equals(e.getReason())
                                  && "Normal".equals(e.getType())
                                  && "web".equals(e.getInvolvedObject().getName())
                                  && "Foo".equals(e.getInvolvedObject().getKind())
                                  && "Foo synced successfully".equals(e.getMessage())));

      // A Foo whose Deployment name is taken by a Deployment it does not own: a Warning event.
      clientSet
          .appsV1()
          .deployments("default")
          .create(
              new Deployment()
                  .metadata(m -> m.name("taken"))
                  .spec(
                      sp ->
                          sp.selector(sel -> sel.putInMatchLabels("app", "taken"))
                              .template(
                                  t ->
                                      t.metadata(m -> m.putInLabels("app", "taken"))
                                          .spec(
                                              p ->
                                                  p.addToContainers(
                                                      c -> c.name("web").image("nginx:1.27"))))));
      foos.create(
          new Foo().metadata(m -> m.name("clash")).spec(s -> s.deploymentName("taken")),
          CreateOptions.none());
      await("an ErrResourceExists event")
          .atMost(ExampleRun.PATIENCE)
          .until(
              () ->
                  clientSet.coreV1().events("default").list().getItems().stream()
                      .anyMatch(
                          e ->
                              "ErrResourceExists".equals(e.getReason())
                                  && "Warning".equals(e.getType())
                                  && "clash".equals(e.getInvolvedObject().getName())));

      // Play the deployment controller the embedded server lacks: the Foo's status follows.
      Deployment available = clientSet.appsV1().deployments("default").get("web-app");
      available.status(st -> st.availableReplicas(2).replicas(2));
      clientSet.appsV1().deployments("default").updateStatus(available);
      awaitStatus(foos, 2);

      // A second replica waits while the first leads, and takes over when it stops.
      try (ExampleRun second =
          ExampleRun.start("crd-controller", Main::run, "--kubeconfig", kubeconfig, "--id", "b")) {
        second.awaitLine("The Foo controller is led by a");
        assertThat(second.lines())
            .contains("CustomResourceDefinition foos.examples.kubeclient.dev is installed");
        first.stop();
        first.awaitEnd();
        second.awaitLine("Started leading");
        second.awaitLine("Started 2 workers");

        // Deleting the Foo deletes its Deployment (the owner reference) and the new leader sees
        // the Foo go.
        foos.delete("web", dev.kubeclient.core.options.DeleteOptions.none());
        second.awaitLine(
            "Foo default/web no longer exists; the garbage collector deletes its deployment");
        second.awaitCondition(
            "deployment web-app deleted",
            () -> gone(() -> clientSet.appsV1().deployments("default").get("web-app")));
      }
      assertThat(
              clientSet
                  .coordinationV1()
                  .leases("default")
                  .get("foo-controller")
                  .getSpec()
                  .getHolderIdentity())
          .isNullOrEmpty();
    }
  }

  private static void awaitStatus(ResourceClient<Foo, FooList> foos, int available) {
    await("status.availableReplicas " + available)
        .atMost(ExampleRun.PATIENCE)
        .until(
            () -> {
              Foo f = foos.get("web", GetOptions.none());
              return f.getStatus() != null
                  && Integer.valueOf(available).equals(f.getStatus().getAvailableReplicas());
            });
  }

  private static <T> T eventually(Supplier<T> read) {
    return await()
        .atMost(ExampleRun.PATIENCE)
        .ignoreException(NotFoundException.class)
        .until(read::get, x -> true);
  }

  private static boolean gone(Supplier<?> read) {
    try {
      read.get();
      return false;
    } catch (NotFoundException e) {
      return true;
    }
  }
}
