package dev.kubeclient.examples.fakeclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.examples.Seeds;
import dev.kubeclient.informers.cache.Cache;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An informer-driven test, the fake-client example's second half: an informer over the embedded
 * server hands added pods to the test through a queue, as client-go's {@code TestFakeClient} does
 * with a channel.
 *
 * <p>client-go's fake client has no resource versions, so its test must wait for the watch to be
 * established before creating the pod, or the event is lost. A real server (embedded here) resumes
 * the watch from the list's resourceVersion, so nothing is lost and the test needs no such wait.
 */
@EmbeddedKube
class PodInformerTest {
  /** Scenario of client-go's {@code TestFakeClient} (examples/fake-client). */
  @Test
  void informer_podCreatedAfterSync_isHandedToTheHandler(EmbeddedApiServer server)
      throws InterruptedException {
    try (ClientSet clientSet = ClientSet.newForConfig(server.restConfig())) {
      Seeds.namespace(clientSet, "test-ns");
      BlockingQueue<Pod> added = new LinkedBlockingQueue<>();
      SharedIndexInformer<Pod> informer =
          SharedIndexInformer.newBuilder(
                  ListerWatcher.forResource(clientSet.coreV1().podsInAllNamespaces()), Pod.class)
              .build();
      informer.addEventHandler(
          new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod, boolean isInInitialList) {
              added.add(pod);
            }
          });
      informer.start();
      try {
        assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer)).isTrue();

        clientSet.coreV1().pods("test-ns").create(Seeds.pod("test-ns", "my-pod", "demo"));

        Pod pod = added.poll(30, TimeUnit.SECONDS);
        assertThat(pod).as("the informer did not hand over the added pod").isNotNull();
        assertThat(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName())
            .isEqualTo("test-ns/my-pod");
        // The cache holds it too, for listers.
        assertThat(informer.getIndexer().getByKey("test-ns/my-pod")).isNotNull();
      } finally {
        informer.stop();
      }
    }
  }
}
