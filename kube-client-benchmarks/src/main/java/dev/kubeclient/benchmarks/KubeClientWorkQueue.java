package dev.kubeclient.benchmarks;

import dev.kubeclient.informers.workqueue.RateLimitingQueue;
import org.jspecify.annotations.Nullable;

/** kube-client's {@link RateLimitingQueue} with its defaults: unnamed, the default rate limiter. */
final class KubeClientWorkQueue implements WorkQueueAdapter {
  private final RateLimitingQueue<String> queue = RateLimitingQueue.create();

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
  }
}
