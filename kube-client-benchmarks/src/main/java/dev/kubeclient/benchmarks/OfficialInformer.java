package dev.kubeclient.benchmarks;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** The official Java client's pod informer for the informer benchmarks. */
final class OfficialInformer implements InformerAdapter {
  private final AtomicLong events = new AtomicLong();
  private @Nullable SharedInformerFactory factory;
  private @Nullable SharedIndexInformer<V1Pod> informer;

  @Override
  public void start(Path kubeconfig, String namespace) throws Exception {
    ApiClient client = Config.fromConfig(kubeconfig.toString());
    // Watches stream for minutes; the default read timeout would cut them.
    client.setHttpClient(
        client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
    CoreV1Api api = new CoreV1Api(client);
    SharedInformerFactory f = new SharedInformerFactory(client);
    factory = f;
    SharedIndexInformer<V1Pod> i =
        f.sharedIndexInformerFor(
            params ->
                namespace.isEmpty()
                    ? api.listPodForAllNamespaces()
                        .resourceVersion(params.resourceVersion)
                        .watch(params.watch)
                        .timeoutSeconds(params.timeoutSeconds)
                        .buildCall(null)
                    : api.listNamespacedPod(namespace)
                        .resourceVersion(params.resourceVersion)
                        .watch(params.watch)
                        .timeoutSeconds(params.timeoutSeconds)
                        .buildCall(null),
            V1Pod.class,
            V1PodList.class);
    informer = i;
    i.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(V1Pod obj) {
            events.incrementAndGet();
          }

          @Override
          public void onUpdate(V1Pod oldObj, V1Pod newObj) {
            events.incrementAndGet();
          }

          @Override
          public void onDelete(V1Pod obj, boolean deletedFinalStateUnknown) {
            events.incrementAndGet();
          }
        });
    f.startAllRegisteredInformers();
  }

  @Override
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return InformerAdapter.poll(informer::hasSynced, timeout);
  }

  @Override
  public int cacheSize() {
    return informer.getIndexer().list().size();
  }

  @Override
  public long events() {
    return events.get();
  }

  @Override
  public void close() {
    if (factory != null) {
      factory.stopAllRegisteredInformers();
    }
  }
}
