package dev.kubeclient.examples.crdcontroller;

import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.examples.ClusterConnection;
import dev.kubeclient.examples.ExampleArgs;
import dev.kubeclient.examples.Examples;
import dev.kubeclient.examples.StopSignal;
import dev.kubeclient.examples.crdcontroller.v1alpha1.Foo;
import dev.kubeclient.examples.crdcontroller.v1alpha1.FooList;
import dev.kubeclient.examples.crdcontroller.v1alpha1.Foos;
import dev.kubeclient.informers.SharedInformerFactory;
import dev.kubeclient.informers.leaderelection.LeaderCallbacks;
import dev.kubeclient.informers.leaderelection.LeaderElectionConfig;
import dev.kubeclient.informers.leaderelection.LeaderElector;
import dev.kubeclient.informers.leaderelection.LeadingContext;
import dev.kubeclient.informers.leaderelection.resourcelock.LeaseLock;
import dev.kubeclient.informers.record.EventBroadcaster;
import dev.kubeclient.informers.record.EventRecorder;
import dev.kubeclient.informers.watch.RetryWatcher;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.ResourceClient;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A CRD controller in the manner of Kubernetes' sample-controller: it installs the Foo
 * CustomResourceDefinition if it is missing, and, while it leads (leader election on the Lease
 * {@code foo-controller}), runs the {@link FooController}, which keeps a Deployment for every Foo
 * and the Foo's status up to date. Ctrl-C or {@code --duration} stops the controller, then gives
 * the lease up.
 *
 * <p>Options besides the common ones: {@code --workers N} (default 2), {@code --id} (the
 * candidate's identity; default a random UUID).
 *
 * <p>Against the embedded server it seeds the Foo {@code example-foo}, and a Foo whose Deployment
 * name is taken by a Deployment it does not own (the controller reports that), and once {@code
 * example-foo} has a status, scales it from 1 to 3 replicas. The embedded server runs no
 * controllers, so its Deployments get no pods and the Foos report 0 available replicas.
 */
public final class Main {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final String LEASE = "foo-controller";

  private Main() {}

  /** Runs the example. */
  public static void main(String[] args) {
    Examples.runMain(Main::run, List.of(args));
  }

  /** Runs the example, printing to {@code out}, until {@code stop} is raised. */
  public static void run(List<String> args, PrintStream out, StopSignal stop)
      throws InterruptedException {
    ExampleArgs options = ExampleArgs.parse(args, Set.of("workers", "id"), Set.of());
    int workers = options.intValue("workers", 2);
    String id = options.value("id", UUID.randomUUID().toString());
    stop.stopAfter(options.runFor());
    try (ClusterConnection connection = ClusterConnection.connect(options, out);
        ClientSet clientSet = ClientSet.newForConfig(connection.config())) {
      if (!CrdInstaller.install(clientSet, out, stop)) {
        out.printf("Stopping (%s)%n", stop.reason());
        return;
      }
      String namespace = connection.namespace();
      if (connection.isEmbedded()) {
        out.println(
            "The embedded server runs no controllers: Deployments get no pods there, so the Foos"
                + " report 0 available replicas");
        seed(clientSet, namespace);
      }
      if (stop.isStopped()) {
        // Stopped while installing or seeding: no term to start and end.
        out.printf("Stopping (%s)%n", stop.reason());
        return;
      }

      // Events about Foos (kubectl describe foo shows them), written in the background; core/v1
      // Events as sample-controller's record.EventBroadcaster writes them.
      EventBroadcaster events =
          EventBroadcaster.builder(clientSet)
              .apiVersion(EventBroadcaster.ApiVersion.CORE_V1)
              .build();
      events.start();
      EventRecorder recorder = events.newRecorder("foo-controller");
      AtomicBoolean led = new AtomicBoolean();
      LeaderElector elector =
          new LeaderElector(
              LeaderElectionConfig.builder()
                  .lock(LeaseLock.of(clientSet, namespace, LEASE, id))
                  .releaseOnCancel(true)
                  .name(LEASE)
                  .callbacks(
                      LeaderCallbacks.of(
                          ctx -> {
                            led.set(true);
                            lead(ctx, clientSet, recorder, workers, out);
                          },
                          () -> {},
                          leader -> {
                            if (!leader.isEmpty() && !leader.equals(id)) {
                              out.printf("The Foo controller is led by %s%n", leader);
                            }
                          }))
                  .build());
      Thread campaign = new Thread(() -> campaign(elector, stop), "foo-controller-elector");
      campaign.setDaemon(true);
      out.printf("Campaigning for the Lease %s/%s as %s%n", namespace, LEASE, id);
      campaign.start();
      try {
        if (connection.isEmbedded()) {
          scaleExampleFoo(clientSet, namespace, out, stop);
        }
        while (!stop.sleep(POLL)) {
          if (!campaign.isAlive()) {
            // client-go's example exits when leadership is lost; a restart campaigns again.
            stop.stop("lost the lease");
          }
        }
        out.printf("Stopping (%s)%n", stop.reason());
      } finally {
        // Ends the term: the controller shuts down, then the lease is released.
        elector.close();
        campaign.join();
        // Writes the events still queued, then stops.
        events.close();
      }
      out.println(led.get() ? "Released the lease" : "Stopped campaigning");
    }
  }

  /** Campaigns, then leads until the term ends. */
  private static void campaign(LeaderElector elector, StopSignal stop) {
    try {
      elector.run();
    } catch (IllegalStateException e) {
      // Ctrl-C came so early that the main thread closed the elector before it ran: nothing to
      // do. Any other cause is a bug worth seeing.
      if (!stop.isStopped()) {
        throw e;
      }
    }
  }

  /** The leader's work: run the controller until the term ends. */
  private static void lead(
      LeadingContext ctx,
      ClientSet clientSet,
      EventRecorder recorder,
      int workers,
      PrintStream out) {
    out.println("Started leading");
    // A factory per term: a new leader starts with fresh caches.
    FooController controller =
        new FooController(SharedInformerFactory.newBuilder(clientSet).build(), recorder, out);
    if (!controller.start(workers, Duration.ofMinutes(1))) {
      return;
    }
    try {
      ctx.await();
    } catch (InterruptedException e) {
      // The term is over: the elector interrupts the leading thread.
    } finally {
      // Returning only after the workers stopped: no write of ours may follow the release.
      controller.shutDown();
    }
  }

  /** A Foo, and a Foo whose Deployment name another Deployment has taken. */
  private static void seed(ClientSet clientSet, String namespace) {
    ResourceClient<Foo, FooList> foos = Foos.client(clientSet, namespace);
    foos.create(Foos.example(), CreateOptions.none());
    clientSet
        .appsV1()
        .deployments(namespace)
        .create(
            new Deployment()
                .metadata(m -> m.name("unowned"))
                .spec(
                    s ->
                        s.selector(sel -> sel.putInMatchLabels("app", "unowned"))
                            .template(
                                t ->
                                    t.metadata(m -> m.putInLabels("app", "unowned"))
                                        .spec(
                                            p ->
                                                p.addToContainers(
                                                    c -> c.name("nginx").image("nginx:1.27"))))));
    foos.create(
        new Foo()
            .metadata(m -> m.name("conflicting-foo"))
            .spec(s -> s.deploymentName("unowned").replicas(1)),
        CreateOptions.none());
  }

  /**
   * Waits for {@code example-foo}'s first status, then asks for 3 replicas, as a user would. The
   * wait watches the Foo through a {@link RetryWatcher}, which resumes from the last
   * resourceVersion it saw when the server ends a watch, so no change is missed; Ctrl-C closes it.
   */
  private static void scaleExampleFoo(
      ClientSet clientSet, String namespace, PrintStream out, StopSignal stop) {
    ResourceClient<Foo, FooList> foos = Foos.client(clientSet, namespace);
    Foo foo;
    try {
      foo = foos.get("example-foo", GetOptions.none());
    } catch (NotFoundException e) {
      return;
    }
    if (foo.getStatus() == null) {
      try (RetryWatcher<Foo> watch =
          RetryWatcher.newRetryWatcher(
              foo.getMetadata().getResourceVersion(),
              opts -> foos.watch(opts.fieldSelector("metadata.name=example-foo")))) {
        stop.onStop(watch::close);
        do {
          if (!watch.hasNext()) {
            return; // Stopped.
          }
          WatchEvent<Foo> event = watch.next();
          if (event.type() == WatchEvent.Type.DELETED) {
            return;
          }
          foo = event.object();
        } while (foo.getStatus() == null);
      }
    }
    out.printf("Scaling foo %s/example-foo to 3 replicas%n", namespace);
    foos.patch(
        "example-foo", PatchType.MERGE, Map.of("spec", Map.of("replicas", 3)), PatchOptions.none());
  }
}
