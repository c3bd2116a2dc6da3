package dev.kubeclient.informers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.labels.Selector;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.api.core.v1.Namespace;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EmbeddedKube(https = false)
class SharedInformerFactoryTest {
  private final ClientSet cs;

  SharedInformerFactoryTest(EmbeddedApiServer server) {
    this.cs = ClientSet.newForConfig(server.restConfig());
  }

  @AfterEach
  void close() {
    cs.close();
  }

  private void configMap(String ns, String name, Map<String, String> labels) {
    if (cs.coreV1().namespaces().list().getItems().stream()
        .noneMatch(n -> n.getMetadata().getName().equals(ns))) {
      cs.coreV1()
          .namespaces()
          .create(new Namespace().metadata(m -> m.name(ns)), CreateOptions.none());
    }
    cs.coreV1()
        .configMaps(ns)
        .create(new ConfigMap().metadata(m -> m.name(name).labels(labels)), CreateOptions.none());
  }

  private static List<Thread> informerThreads() {
    List<Thread> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String name = t.getName();
      // Informers built outside a factory (other tests) share the process-wide pool and timer.
      boolean processWide =
          name.equals("kube-informer-timer") || name.startsWith("kube-informer-worker-");
      if (t.isAlive() && name.startsWith("kube-informer") && !processWide) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Live threads of this JVM, except the embedded server's (it runs in-process) and OkHttp's task
   * runner (shared by all clients, it grows with connection churn and idles out on its own).
   */
  private static int clientThreads() {
    int n = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String name = t.getName();
      if (t.isAlive()
          && !name.startsWith("kube-embedded-apiserver")
          && !name.startsWith("OkHttp TaskRunner")) {
        n++;
      }
    }
    return n;
  }

  private static java.util.SortedMap<String, Integer> threadNames() {
    java.util.SortedMap<String, Integer> m = new java.util.TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      m.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
    }
    return m;
  }

  @Test
  void informer_sameTypeTwice_isShared_andListerReadsTheCache() {
    configMap("fa", "one", Map.of("app", "web"));
    configMap("fb", "two", Map.of("app", "db"));
    try (SharedInformerFactory factory = SharedInformerFactory.newBuilder(cs).build()) {
      SharedIndexInformer<ConfigMap> informer = factory.coreV1().configMaps().informer();
      assertThat(factory.coreV1().configMaps().informer()).isSameAs(informer);
      factory.start();
      assertThat(factory.waitForCacheSync(Duration.ofSeconds(30)))
          .containsEntry(ConfigMap.class, true);
      var lister = factory.coreV1().configMaps().lister();
      assertThat(lister.configMaps("fa").get("one")).isNotNull();
      assertThat(lister.list(Selector.parse("app=db")))
          .extracting(c -> c.getMetadata().getName())
          .containsExactly("two");
      configMap("fa", "three", Map.of());
      await().until(() -> lister.configMaps("fa").get("three") != null);
    }
  }

  @Test
  void namespaceAndTweak_restrictWhatIsCached() {
    configMap("ta", "keep", Map.of("keep", "yes"));
    configMap("ta", "drop", Map.of());
    configMap("tb", "other", Map.of("keep", "yes"));
    try (SharedInformerFactory factory =
        SharedInformerFactory.newBuilder(cs)
            .namespace("ta")
            .tweakListOptions(o -> o.labelSelector("keep=yes"))
            .build()) {
      SharedIndexInformer<ConfigMap> informer = factory.coreV1().configMaps().informer();
      factory.start();
      factory.waitForCacheSync(Duration.ofSeconds(30));
      assertThat(informer.getStore().listKeys()).containsExactly("ta/keep");
    }
  }

  @Test
  void shutdown_stopsInformersAndLeavesNoThread() {
    SharedInformerFactory factory = SharedInformerFactory.newBuilder(cs).build();
    SharedIndexInformer<ConfigMap> configMaps = factory.coreV1().configMaps().informer();
    configMaps.addEventHandler(new ResourceEventHandler<>() {});
    factory.coreV1().namespaces().informer();
    factory.start();
    assertThat(factory.waitForCacheSync(Duration.ofSeconds(30)).values()).containsOnly(true);
    assertThat(informerThreads()).isNotEmpty();
    factory.shutdown();
    assertThat(informerThreads()).isEmpty();
    assertThat(configMaps.isStopped()).isTrue();
    factory.start();
    assertThatThrownBy(() -> factory.coreV1().pods().informer())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shut down");
  }

  /** A handler that shuts its own factory down must not wait for its own worker forever. */
  @Test
  void shutdown_fromAHandler_returnsAndLeavesNoThread() {
    configMap("sh", "one", Map.of());
    SharedInformerFactory factory = SharedInformerFactory.newBuilder(cs).build();
    CountDownLatch returned = new CountDownLatch(1);
    factory
        .coreV1()
        .configMaps()
        .informer()
        .addEventHandler(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(ConfigMap obj, boolean initial) {
                factory.shutdown();
                returned.countDown();
              }
            });
    factory.start();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30), () -> assertThat(returned.await(30, TimeUnit.SECONDS)).isTrue());
    await().atMost(Duration.ofSeconds(10)).until(() -> informerThreads().isEmpty());
  }

  /** Fifty informers, one handler each: about fifty reflector threads plus a few shared ones. */
  @Test
  void fiftyInformers_useABoundedNumberOfThreads() throws Exception {
    int before = clientThreads();
    SharedInformerFactory factory = SharedInformerFactory.newBuilder(cs).workers(4).build();
    try {
      List<SharedIndexInformer<?>> informers = new ArrayList<>();
      AtomicInteger delivered = new AtomicInteger();
      outer:
      for (Method group : InformerGroups.class.getDeclaredMethods()) {
        if (group.getParameterCount() != 0
            || !java.lang.reflect.Modifier.isPublic(group.getModifiers())) {
          continue;
        }
        Object groupInformers = group.invoke(factory);
        // Only GA versions: the embedded server, like a real one, serves no alpha or beta APIs.
        if (groupInformers.getClass().getPackageName().matches(".*\\.v[0-9]+(alpha|beta)[0-9]+")) {
          continue;
        }
        for (Method resource : groupInformers.getClass().getDeclaredMethods()) {
          if (resource.getParameterCount() != 0
              || !java.lang.reflect.Modifier.isPublic(resource.getModifiers())) {
            continue;
          }
          Object typed = resource.invoke(groupInformers);
          @SuppressWarnings("unchecked")
          SharedIndexInformer<KubernetesObject> informer =
              (SharedIndexInformer<KubernetesObject>)
                  typed.getClass().getMethod("informer").invoke(typed);
          informer.addEventHandler(
              new ResourceEventHandler<>() {
                @Override
                public void onAdd(KubernetesObject obj, boolean initial) {
                  delivered.incrementAndGet();
                }
              });
          informers.add(informer);
          if (informers.size() == 50) {
            break outer;
          }
        }
      }
      assertThat(informers).hasSize(50);
      factory.start();
      assertThat(factory.waitForCacheSync(Duration.ofSeconds(60)).values())
          .hasSize(50)
          .containsOnly(true);
      configMap("budget", "x", Map.of());
      List<Thread> threads = informerThreads();
      long reflectors = threads.stream().filter(t -> t.getName().endsWith("-reflector")).count();
      assertThat(reflectors).isEqualTo(50);
      // 50 reflectors, 4 workers, one timer; on a loaded machine a slice that runs past the
      // stuck threshold may add a transient worker or two.
      assertThat(threads.size()).isLessThanOrEqualTo(50 + 4 + 1 + 3);
      // Besides the informers' own, only OkHttp's connection pool and watchdog threads.
      assertThat(clientThreads() - before)
          .as("threads: %s", threadNames())
          .isLessThanOrEqualTo(50 + 4 + 1 + 3 + 12);
    } finally {
      factory.shutdown();
    }
    assertThat(informerThreads()).isEmpty();
  }
}
