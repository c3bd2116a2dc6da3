package dev.kubeclient.benchmarks;

import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The official Java client's {@code DefaultRateLimitingQueue} with its default controller rate
 * limiter; its delaying loop runs on a daemon executor that {@link #shutDown()} ends.
 */
final class OfficialWorkQueue implements WorkQueueAdapter {
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "official-workqueue-delaying");
            t.setDaemon(true);
            return t;
          });
  private final RateLimitingQueue<String> queue = new DefaultRateLimitingQueue<>(executor);

  @Override
  public void add(String key) {
    queue.add(key);
  }

  @Override
  public @Nullable String get() throws InterruptedException {
    return queue.get();
  }

  @Override
  public void done(String key) {
    queue.done(key);
  }

  @Override
  public void shutDown() {
    queue.shutDown();
    executor.shutdownNow();
  }
}
