package dev.kubeclient.examples.crdcontroller;

import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.meta.v1.OwnerReference;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.examples.crdcontroller.v1alpha1.Foo;
import dev.kubeclient.examples.crdcontroller.v1alpha1.FooList;
import dev.kubeclient.examples.crdcontroller.v1alpha1.FooStatus;
import dev.kubeclient.examples.crdcontroller.v1alpha1.Foos;
import dev.kubeclient.informers.SharedInformerFactory;
import dev.kubeclient.informers.apps.v1.DeploymentInformer;
import dev.kubeclient.informers.apps.v1.DeploymentLister;
import dev.kubeclient.informers.cache.KeyFunctions;
import dev.kubeclient.informers.cache.Lister;
import dev.kubeclient.informers.cache.ObjectName;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.informers.record.EventRecorder;
import dev.kubeclient.informers.workqueue.QueueConfig;
import dev.kubeclient.informers.workqueue.RateLimitingQueue;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The controller of Kubernetes' sample-controller, over kube-client: it keeps, for every Foo, a
 * Deployment of the Foo's {@code spec.deploymentName} and {@code spec.replicas}, owned by the Foo
 * (so the garbage collector deletes it with the Foo), and reports the Deployment's available
 * replicas in the Foo's status.
 *
 * <p>Two informers feed one rate-limited queue of Foo keys: the Foo informer queues a Foo when it
 * changes, the Deployment informer queues the Foo that owns a changed Deployment. Worker threads
 * take keys and reconcile each Foo from the caches ({@link #syncHandler}); a failure is retried
 * with backoff.
 *
 * <p>Lifecycle: {@link #start} (informers, cache sync, workers), then {@link #shutDown()} (queue,
 * workers, informers, in that order). Runs once.
 */
public final class FooController {
  /** The event reason of a successful sync, and its message (sample-controller's). */
  static final String SUCCESS_SYNCED = "Synced";

  static final String MESSAGE_RESOURCE_SYNCED = "Foo synced successfully";

  /** The event reason when the Deployment exists but another owns it, and its message. */
  static final String ERR_RESOURCE_EXISTS = "ErrResourceExists";

  static final String MESSAGE_RESOURCE_EXISTS =
      "Resource %s already exists and is not managed by Foo";

  private final ClientSet clientSet;
  private final PrintStream out;
  private final SharedInformerFactory informers;
  private final Lister<Foo> foos;
  private final DeploymentLister deployments;
  private final RateLimitingQueue<String> queue;
  private final EventRecorder recorder;
  private final List<Thread> workers = new ArrayList<>();

  /**
   * A controller of the Foos and Deployments of the factory's namespaces (all, by default),
   * reporting to {@code out} and recording Events about Foos with {@code recorder}. It adds its
   * informers to {@code informers} and starts the factory.
   */
  public FooController(SharedInformerFactory informers, EventRecorder recorder, PrintStream out) {
    this.clientSet = informers.clientSet();
    this.out = out;
    this.informers = informers;
    this.recorder = recorder;
    // Foos through the factory's generic entry point, Deployments through its typed one: either
    // way the informer is shared by everything that asks the factory for it.
    SharedIndexInformer<Foo> fooInformer =
        informers.informerFor(Foo.API_VERSION, Foos.RESOURCE, true, Foo.class, FooList.class);
    DeploymentInformer deploymentInformer = informers.appsV1().deployments();
    this.foos = Lister.of(fooInformer.getIndexer());
    this.deployments = deploymentInformer.lister();
    this.queue = RateLimitingQueue.create(QueueConfig.<String>builder().name("foos").build());

    fooInformer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Foo foo, boolean isInInitialList) {
            enqueue(foo);
          }

          @Override
          public void onUpdate(Foo oldFoo, Foo newFoo) {
            enqueue(newFoo);
          }

          @Override
          public void onDelete(Foo foo, boolean finalStateUnknown) {
            // Nothing to undo (the garbage collector deletes the Deployment), but the sync says so.
            enqueue(foo);
          }
        });
    // A Deployment that changes queues the Foo that owns it, so that the Foo's status follows the
    // Deployment's and a Deployment changed by someone else is put back as the Foo says.
    deploymentInformer
        .informer()
        .addEventHandler(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(Deployment deployment, boolean isInInitialList) {
                handleOwned(deployment);
              }

              @Override
              public void onUpdate(Deployment oldDeployment, Deployment newDeployment) {
                if (Objects.equals(
                    oldDeployment.getMetadata().getResourceVersion(),
                    newDeployment.getMetadata().getResourceVersion())) {
                  return; // A periodic resync: nothing changed.
                }
                handleOwned(newDeployment);
              }

              @Override
              public void onDelete(Deployment deployment, boolean finalStateUnknown) {
                handleOwned(deployment);
              }
            });
  }

  private void enqueue(Foo foo) {
    queue.add(KeyFunctions.metaNamespaceKey(foo));
  }

  /** Queues the Foo that controls {@code deployment}, if a Foo does. */
  private void handleOwned(Deployment deployment) {
    OwnerReference owner = controllerOf(deployment);
    if (owner == null || !Foo.KIND.equals(owner.getKind())) {
      return;
    }
    Foo foo = foos.namespace(deployment.getMetadata().getNamespace()).get(owner.getName());
    if (foo != null && Objects.equals(foo.getMetadata().getUid(), owner.getUid())) {
      enqueue(foo);
    }
  }

  /**
   * Starts the informers, waits for their caches, then starts {@code workerCount} workers.
   *
   * @return false when the caches did not sync in time (the informers are stopped again)
   */
  public boolean start(int workerCount, Duration syncTimeout) {
    out.println("Starting the Foo controller");
    informers.start();
    if (informers.waitForCacheSync(syncTimeout).containsValue(false)) {
      out.println("The caches did not sync (timed out, or stopped meanwhile)");
      shutDown();
      return false;
    }
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(this::runWorker, "foo-controller-worker-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    out.printf("Started %d workers%n", workerCount);
    return true;
  }

  /**
   * Shuts the queue down, waits for the workers to finish their keys, then stops the informers.
   * Waits even when interrupted (the elector interrupts a leader whose term ends), and keeps the
   * interrupt for the caller.
   */
  public void shutDown() {
    queue.shutDown();
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    informers.shutdown();
    out.println("Stopped the Foo controller");
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void runWorker() {
    try {
      String key;
      while ((key = queue.get()) != null) {
        try {
          syncHandler(key);
          queue.forget(key);
        } catch (RuntimeException e) {
          out.printf("Error syncing foo %s, requeuing: %s%n", key, e.getMessage());
          queue.addRateLimited(key);
        } finally {
          queue.done(key);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Brings the Foo of {@code key} and its Deployment to agreement: creates the Deployment if
   * missing, scales it to the Foo's replicas, and writes the Foo's status.
   */
  void syncHandler(String key) {
    ObjectName name = KeyFunctions.splitMetaNamespaceKey(key);
    Foo foo = foos.namespace(name.namespace()).get(name.name());
    if (foo == null) {
      // Deleted: its Deployment goes with it, through the owner reference.
      out.printf("Foo %s no longer exists; the garbage collector deletes its deployment%n", key);
      return;
    }
    String deploymentName = foo.getSpec().getDeploymentName();
    if (deploymentName == null || deploymentName.isEmpty()) {
      // Nothing to do until the Foo is fixed; retrying would not help.
      out.printf("Foo %s: spec.deploymentName must be set%n", key);
      return;
    }

    Deployment deployment = deployments.deployments(name.namespace()).get(deploymentName);
    if (deployment == null) {
      if (!existsOnServer(foo)) {
        // The caches lag behind the server, each at its own pace: the garbage collector's delete
        // of the Deployment can arrive before the delete of its Foo. Recreating it would leave a
        // Deployment whose owner is gone (a cluster's garbage collector would delete it again).
        out.printf("Foo %s no longer exists; the garbage collector deletes its deployment%n", key);
        return;
      }
      deployment = clientSet.appsV1().deployments(name.namespace()).create(Deployments.forFoo(foo));
      out.printf("Created deployment %s/%s for foo %s%n", name.namespace(), deploymentName, key);
    }

    OwnerReference owner = controllerOf(deployment);
    if (owner == null || !Objects.equals(owner.getUid(), foo.getMetadata().getUid())) {
      String message = String.format(MESSAGE_RESOURCE_EXISTS, deploymentName);
      recorder.event(foo, EventRecorder.WARNING, ERR_RESOURCE_EXISTS, message);
      // Retried with backoff: whoever owns the Deployment may give it up.
      throw new IllegalStateException(message);
    }

    Integer wanted = foo.getSpec().getReplicas();
    if (wanted != null && !wanted.equals(deployment.getSpec().getReplicas())) {
      out.printf(
          "Scaling deployment %s/%s from %s to %d replicas for foo %s%n",
          name.namespace(), deploymentName, deployment.getSpec().getReplicas(), wanted, key);
      deployment =
          clientSet
              .appsV1()
              .deployments(name.namespace())
              .update(Deployments.forFoo(foo, deployment));
    }

    updateFooStatus(foo, deployment);
    // Repeats of this event are counted into one by the broadcaster's correlator.
    recorder.event(foo, EventRecorder.NORMAL, SUCCESS_SYNCED, MESSAGE_RESOURCE_SYNCED);
  }

  /** Whether {@code foo} (this very object, by uid) still exists: a read past the cache. */
  private boolean existsOnServer(Foo foo) {
    try {
      Foo current =
          Foos.client(clientSet, foo.getMetadata().getNamespace())
              .get(foo.getMetadata().getName(), GetOptions.none());
      return Objects.equals(current.getMetadata().getUid(), foo.getMetadata().getUid());
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Writes the Deployment's available replicas into the Foo's status, if they changed. */
  private void updateFooStatus(Foo foo, Deployment deployment) {
    FooStatus status = new FooStatus();
    status.setAvailableReplicas(
        deployment.getStatus() == null || deployment.getStatus().getAvailableReplicas() == null
            ? 0
            : deployment.getStatus().getAvailableReplicas());
    status.setObservedGeneration(foo.getMetadata().getGeneration());
    if (status.equals(foo.getStatus())) {
      return;
    }
    // Never change an object of the cache: it is shared with every reader. Write a copy.
    Foo copy = foo.deepCopy();
    copy.setStatus(status);
    // Through the status subresource: a status write cannot change the spec, and a spec write
    // by a user cannot undo the status.
    Foos.client(clientSet, foo.getMetadata().getNamespace())
        .updateStatus(copy, UpdateOptions.none());
    out.printf(
        "Updated status of foo %s: %d of %s replicas available%n",
        KeyFunctions.metaNamespaceKey(foo),
        status.getAvailableReplicas(),
        deployment.getSpec().getReplicas());
  }

  private static @Nullable OwnerReference controllerOf(Deployment deployment) {
    for (OwnerReference ref : deployment.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())) {
        return ref;
      }
    }
    return null;
  }
}
