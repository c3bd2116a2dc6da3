package dev.kubeclient.examples.workqueue;

import dev.kubeclient.informers.cache.Cache;
import dev.kubeclient.informers.cache.Indexer;
import dev.kubeclient.informers.cache.KeyFunctions;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.informers.workqueue.RateLimitingQueue;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The controller of client-go's workqueue example: a pod informer feeds pod keys into a
 * rate-limited work queue, and worker threads take keys from the queue and "sync" each pod by
 * printing what the cache holds for it. A failed sync is retried with the queue's backoff, at most
 * {@link #MAX_RETRIES} times.
 *
 * <p>Why a queue between the informer and the work: the handler only records <em>which</em> pod
 * changed; a worker later reads the pod's <em>current</em> state from the cache. Changes that
 * arrive while a key waits are folded into one sync, a key is never synced by two workers at once,
 * and retries do not block the informer.
 *
 * <p>Lifecycle: {@link #run} starts the informer and the workers, and returns once {@link
 * #shutDown()} has stopped the queue and every worker has finished its key.
 */
public final class Controller {
  /** How often a failing key is retried before it is dropped, as in client-go's example. */
  static final int MAX_RETRIES = 5;

  /** Pods with this annotation set to {@code "true"} fail to sync, to show retries. */
  public static final String FAIL_SYNC_ANNOTATION = "examples.kubeclient.dev/fail-sync";

  private final SharedIndexInformer<Pod> informer;
  private final Indexer<Pod> indexer;
  private final RateLimitingQueue<String> queue;
  private final PrintStream out;
  private final List<Thread> workers = new ArrayList<>();

  /**
   * A controller over {@code informer}, queueing into {@code queue} and printing to {@code out}.
   */
  public Controller(
      SharedIndexInformer<Pod> informer, RateLimitingQueue<String> queue, PrintStream out) {
    this.informer = informer;
    this.indexer = informer.getIndexer();
    this.queue = queue;
    this.out = out;
    // Bind the queue to the cache: whenever the cache changes, the pod's key is queued. When a
    // worker gets to the key, it may see a newer version of the pod than the one that queued it.
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod, boolean isInInitialList) {
            queue.add(KeyFunctions.metaNamespaceKey(pod));
          }

          @Override
          public void onUpdate(Pod oldPod, Pod newPod) {
            queue.add(KeyFunctions.metaNamespaceKey(newPod));
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            // The last state known (from a tombstone when the delete was missed) still has the key.
            queue.add(KeyFunctions.metaNamespaceKey(pod));
          }
        });
  }

  /**
   * Starts the informer, waits for its cache to fill, then starts {@code workerCount} worker
   * threads.
   *
   * @return false when the cache did not sync within {@code syncTimeout} (nothing is left running)
   */
  public boolean start(int workerCount, Duration syncTimeout) {
    out.println("Starting Pod controller");
    informer.start();
    // Workers must not look at the cache before it holds the full list, or they would take
    // pods that exist for deleted ones.
    if (!Cache.waitForCacheSync(syncTimeout, informer)) {
      out.println("The cache did not sync (timed out, or stopped meanwhile)");
      queue.shutDown();
      informer.stop();
      return false;
    }
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(this::runWorker, "pod-controller-worker-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    return true;
  }

  /**
   * Stops the queue (workers finish the key in hand and end), waits for the workers, then stops the
   * informer.
   */
  public void shutDown() throws InterruptedException {
    queue.shutDown();
    for (Thread worker : workers) {
      worker.join();
    }
    informer.stop();
    out.println("Stopping Pod controller");
  }

  private void runWorker() {
    try {
      while (processNextItem()) {
        // next key
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Handles one key; false once the queue is shut down. */
  boolean processNextItem() throws InterruptedException {
    String key = queue.get();
    if (key == null) {
      return false;
    }
    // Always tell the queue we are done with the key, which lets other workers have it again:
    // two workers never hold the same key, so the same pod is never synced in parallel.
    try {
      syncToStdout(key);
      // Success: forget the key's failure history, so its next failure starts a fresh backoff.
      queue.forget(key);
    } catch (RuntimeException e) {
      handleErr(e, key);
    } finally {
      queue.done(key);
    }
    return true;
  }

  /**
   * The business logic: print what the cache holds for the pod. Retrying is not its job; it only
   * throws.
   */
  private void syncToStdout(String key) {
    Pod pod = indexer.getByKey(key);
    if (pod == null) {
      // The cache was warmed with a pod that is gone: see Main.
      out.printf("Pod %s does not exist anymore%n", key);
      return;
    }
    // A controller of objects that depend on the pod would also check its uid, to notice a pod
    // deleted and recreated under the same name.
    if ("true".equals(pod.getMetadata().getAnnotations().get(FAIL_SYNC_ANNOTATION))) {
      throw new IllegalStateException("pod asks to fail (" + FAIL_SYNC_ANNOTATION + ")");
    }
    out.printf("Sync/Add/Update for Pod %s%n", pod.getMetadata().getName());
  }

  /** Requeues a failed key with backoff, up to {@link #MAX_RETRIES} times, then drops it. */
  private void handleErr(RuntimeException e, String key) {
    if (queue.numRequeues(key) < MAX_RETRIES) {
      out.printf("Syncing pod %s failed, will retry: %s%n", key, e.getMessage());
      queue.addRateLimited(key);
      return;
    }
    queue.forget(key);
    // Report to something outside: even after retries the key could not be processed.
    out.printf(
        "Dropping pod %s out of the queue after %d retries: %s%n",
        key, MAX_RETRIES, e.getMessage());
  }
}
