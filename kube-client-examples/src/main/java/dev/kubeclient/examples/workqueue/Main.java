package dev.kubeclient.examples.workqueue;

import dev.kubeclient.examples.ClusterConnection;
import dev.kubeclient.examples.ExampleArgs;
import dev.kubeclient.examples.Examples;
import dev.kubeclient.examples.Seeds;
import dev.kubeclient.examples.StopSignal;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.informers.workqueue.QueueConfig;
import dev.kubeclient.informers.workqueue.RateLimiter;
import dev.kubeclient.informers.workqueue.RateLimitingQueue;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.Pod;
import dev.kubeclient.typed.client.core.v1.PodClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs the pod {@link Controller} of client-go's workqueue example in one namespace until Ctrl-C or
 * {@code --duration}. {@code --workers N} sets the number of worker threads (default 1).
 *
 * <p>Against the embedded server it seeds three pods and one that fails to sync (annotated {@value
 * Controller#FAIL_SYNC_ANNOTATION}), and once the controller runs it adds, changes and deletes a
 * pod, so that every kind of change shows. Against a cluster, change pods with kubectl and watch
 * the output; {@code kubectl annotate pod NAME examples.kubeclient.dev/fail-sync=true} shows the
 * retries.
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
    ExampleArgs options = ExampleArgs.parse(args, Set.of("workers"), Set.of());
    int workers = options.intValue("workers", 1);
    stop.stopAfter(options.runFor());
    try (ClusterConnection connection = ClusterConnection.connect(options, out);
        ClientSet clientSet = ClientSet.newForConfig(connection.config())) {
      String namespace = connection.namespace();
      PodClient pods = clientSet.coreV1().pods(namespace);
      if (connection.isEmbedded()) {
        Seeds.pods(clientSet, namespace, "web", "web-0", "web-1", "web-2");
        pods.create(
            Seeds.pod(namespace, "flaky-0", "flaky")
                .metadata(m -> m.putInAnnotations(Controller.FAIL_SYNC_ANNOTATION, "true")));
      }

      // The pod informer of the namespace, and a queue with client-go's controller rate limiter:
      // per-key exponential backoff from 5 ms to 1000 s, and an overall 10 per second, burst 100.
      SharedIndexInformer<Pod> informer =
          SharedIndexInformer.newBuilder(ListerWatcher.forResource(pods), Pod.class)
              .name("pods")
              .build();
      RateLimitingQueue<String> queue =
          RateLimitingQueue.create(
              QueueConfig.<String>builder()
                  .name("pods")
                  .rateLimiter(RateLimiter.defaultControllerRateLimiter())
                  .build());
      Controller controller = new Controller(informer, queue, out);

      // Warm up the cache, as client-go's example does: suppose we knew of a pod "mypod" from our
      // last run. It is not in the first list, so the informer reports it deleted once the cache
      // syncs. (Only before start may anything but the informer write to its cache.)
      informer.getIndexer().add(new Pod().metadata(m -> m.name("mypod").namespace(namespace)));

      if (!controller.start(workers, Duration.ofMinutes(1))) {
        return;
      }
      try {
        if (connection.isEmbedded()) {
          changePods(pods, namespace);
        }
        out.printf("Stopping (%s)%n", stop.await());
      } finally {
        controller.shutDown();
      }
    }
  }

  /** Adds, changes and deletes a pod, as other clients of a real cluster would. */
  private static void changePods(PodClient pods, String namespace) {
    pods.create(Seeds.pod(namespace, "web-3", "web"));
    Pod web0 = pods.get("web-0");
    web0.getMetadata().putInLabels("tier", "frontend");
    pods.update(web0);
    pods.delete("web-1");
  }
}
