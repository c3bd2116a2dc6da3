package dev.kubeclient.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One peer's pod informer over all namespaces, as the informer benchmarks drive it: start against a
 * kubeconfig, wait for the cache, count what the no-op handler saw, stop. One implementation per
 * peer ({@link InformerPeer}), so that a benchmark never names a peer's API.
 */
public interface InformerAdapter extends AutoCloseable {
  /**
   * Starts an informer of the pods in {@code namespace} (all namespaces when empty) against the
   * cluster of {@code kubeconfig}.
   */
  void start(Path kubeconfig, String namespace) throws Exception;

  /** Waits until the informer has synced; false when {@code timeout} passed first. */
  boolean awaitSynced(Duration timeout) throws InterruptedException;

  /** The number of pods in the informer's cache. */
  int cacheSize();

  /** Notifications (adds, updates, deletes) the handler has received. */
  long events();

  /** Polls {@code synced} every 5 ms until true or {@code timeout}; for peers without a wait. */
  static boolean poll(BooleanSupplier synced, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!synced.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return true;
  }

  /** Stops the informer and releases its client. */
  @Override
  void close() throws Exception;
}
