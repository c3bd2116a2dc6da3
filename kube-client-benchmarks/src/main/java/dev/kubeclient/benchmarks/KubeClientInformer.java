package dev.kubeclient.benchmarks;

import dev.kubeclient.informers.SharedInformerFactory;
import dev.kubeclient.informers.cache.Cache;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.rest.clientcmd.KubeConfigLoader;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** kube-client's pod informer for the informer benchmarks. */
final class KubeClientInformer implements InformerAdapter {
  private final AtomicLong events = new AtomicLong();
  private @Nullable ClientSet clientSet;
  private @Nullable SharedInformerFactory factory;
  private @Nullable SharedIndexInformer<Pod> informer;

  @Override
  public void start(Path kubeconfig, String namespace) throws IOException {
    ClientSet cs = ClientSet.newForConfig(KubeConfigLoader.fromYaml(Files.readString(kubeconfig)));
    clientSet = cs;
    SharedInformerFactory f = SharedInformerFactory.newBuilder(cs).namespace(namespace).build();
    factory = f;
    SharedIndexInformer<Pod> i = f.coreV1().pods().informer();
    informer = i;
    i.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod obj, boolean isInInitialList) {
            events.incrementAndGet();
          }

          @Override
          public void onUpdate(Pod oldObj, Pod newObj) {
            events.incrementAndGet();
          }

          @Override
          public void onDelete(Pod obj, boolean finalStateUnknown) {
            events.incrementAndGet();
          }
        });
    f.start();
  }

  @Override
  public boolean awaitSynced(Duration timeout) {
    return Cache.waitForCacheSync(timeout, informer);
  }

  @Override
  public int cacheSize() {
    return informer.getIndexer().listKeys().size();
  }

  @Override
  public long events() {
    return events.get();
  }

  @Override
  public void close() {
    if (factory != null) {
      factory.shutdown();
    }
    if (clientSet != null) {
      clientSet.close();
    }
  }
}
