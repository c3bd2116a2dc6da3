package dev.kubeclient.benchmarks;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** fabric8's pod informer for the informer benchmarks, watching over plain HTTP. */
final class Fabric8Informer implements InformerAdapter {
  private final AtomicLong events = new AtomicLong();
  private @Nullable KubernetesClient client;
  private @Nullable SharedIndexInformer<Pod> informer;

  @Override
  public void start(Path kubeconfig, String namespace) throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    // fabric8 watches over a WebSocket first; the benchmark server (the JDK's HTTP server) speaks
    // the plain HTTP watch that the other two clients use, which fabric8 also supports.
    config.setOnlyHttpWatches(true);
    KubernetesClient c = new KubernetesClientBuilder().withConfig(config).build();
    client = c;
    informer =
        (namespace.isEmpty() ? c.pods().inAnyNamespace() : c.pods().inNamespace(namespace))
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod obj) {
                    events.incrementAndGet();
                  }

                  @Override
                  public void onUpdate(Pod oldObj, Pod newObj) {
                    events.incrementAndGet();
                  }

                  @Override
                  public void onDelete(Pod obj, boolean deletedFinalStateUnknown) {
                    events.incrementAndGet();
                  }
                },
                0);
  }

  @Override
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return InformerAdapter.poll(informer::hasSynced, timeout);
  }

  @Override
  public int cacheSize() {
    return informer.getStore().list().size();
  }

  @Override
  public long events() {
    return events.get();
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    if (client != null) {
      client.close();
    }
  }
}
