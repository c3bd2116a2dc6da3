package dev.kubeclient.informers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.labels.Selector;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.metadata.MetadataClient;
import dev.kubeclient.dynamic.metadata.PartialObjectMetadata;
import dev.kubeclient.informers.cache.ResourceEventHandler;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.api.core.v1.Namespace;
import dev.kubeclient.typed.api.core.v1.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dynamic and metadata-only informer factories against the embedded server, as client-go's
 * {@code TestDynamicSharedInformerFactory} and {@code TestMetadataSharedInformerFactory}: one
 * informer per resource, caches that follow the server, namespace and tweak options, shutdown.
 */
@EmbeddedKube(https = false)
class DynamicSharedInformerFactoryTest {
  private static final GroupVersionResource CONFIG_MAPS =
      new GroupVersionResource("", "v1", "configmaps");
  private static final GroupVersionResource SECRETS = new GroupVersionResource("", "v1", "secrets");

  private final ClientSet cs;
  private final DynamicClient dynamic;
  private final MetadataClient metadata;

  DynamicSharedInformerFactoryTest(EmbeddedApiServer server) {
    this.cs = ClientSet.newForConfig(server.restConfig());
    this.dynamic = DynamicClient.forConfig(server.restConfig());
    this.metadata = MetadataClient.forConfig(server.restConfig());
  }

  @AfterEach
  void close() {
    dynamic.close();
    metadata.close();
    cs.close();
  }

  private void namespace(String ns) {
    if (cs.coreV1().namespaces().list().getItems().stream()
        .noneMatch(n -> n.getMetadata().getName().equals(ns))) {
      cs.coreV1()
          .namespaces()
          .create(new Namespace().metadata(m -> m.name(ns)), CreateOptions.none());
    }
  }

  private void configMap(String ns, String name, Map<String, String> labels) {
    namespace(ns);
    cs.coreV1()
        .configMaps(ns)
        .create(
            new ConfigMap().metadata(m -> m.name(name).labels(labels)).putInData("k", "v"),
            CreateOptions.none());
  }

  @Test
  void dynamic_forResourceTwice_isShared_andCacheFollowsTheServer() {
    configMap("da", "one", Map.of("app", "web"));
    configMap("db", "two", Map.of("app", "db"));
    try (DynamicSharedInformerFactory factory =
        DynamicSharedInformerFactory.newBuilder(dynamic).build()) {
      GenericInformer<Unstructured> configMaps = factory.forResource(CONFIG_MAPS);
      SharedIndexInformer<Unstructured> informer = configMaps.informer();
      assertThat(factory.forResource(CONFIG_MAPS).informer()).isSameAs(informer);
      Queue<String> deleted = new ConcurrentLinkedQueue<>();
      informer.addEventHandler(
          new ResourceEventHandler<>() {
            @Override
            public void onDelete(Unstructured obj, boolean finalStateUnknown) {
              deleted.add(obj.getNamespace() + "/" + obj.getName());
            }
          });
      factory.start();
      assertThat(factory.waitForCacheSync(Duration.ofSeconds(30)))
          .containsExactly(Map.entry(CONFIG_MAPS, true));
      Unstructured one = configMaps.lister().namespace("da").get("one");
      assertThat(one).isNotNull();
      // List items come without apiVersion and kind; the reflector fills them in.
      assertThat(one.getApiVersion()).isEqualTo("v1");
      assertThat(one.getKind()).isEqualTo("ConfigMap");
      assertThat(configMaps.lister().list(Selector.parse("app=db")))
          .extracting(Unstructured::getName)
          .containsExactly("two");
      configMap("da", "three", Map.of());
      await().until(() -> configMaps.lister().namespace("da").get("three") != null);
      cs.coreV1().configMaps("db").delete("two", DeleteOptions.none());
      await().until(() -> deleted.contains("db/two"));
      assertThat(configMaps.lister().namespace("db").get("two")).isNull();
    }
  }

  @Test
  void dynamic_namespaceAndTweak_restrictWhatIsCached() {
    configMap("ta", "keep", Map.of("keep", "yes"));
    configMap("ta", "drop", Map.of());
    configMap("tb", "other", Map.of("keep", "yes"));
    try (DynamicSharedInformerFactory factory =
        DynamicSharedInformerFactory.newBuilder(dynamic)
            .namespace("ta")
            .tweakListOptions(o -> o.labelSelector("keep=yes"))
            .build()) {
      SharedIndexInformer<Unstructured> informer = factory.forResource(CONFIG_MAPS).informer();
      factory.start();
      factory.waitForCacheSync(Duration.ofSeconds(30));
      assertThat(informer.getStore().listKeys()).containsExactly("ta/keep");
    }
  }

  @Test
  void metadata_cachesOnlyMetadata_andShutdownStopsEverything() {
    namespace("ma");
    cs.coreV1()
        .secrets("ma")
        .create(
            new Secret()
                .metadata(m -> m.name("s1").labels(Map.of("app", "web")))
                .putInStringData("password", "hunter2"),
            CreateOptions.none());
    MetadataSharedInformerFactory factory =
        MetadataSharedInformerFactory.newBuilder(metadata).useWatchList(true).build();
    GenericInformer<PartialObjectMetadata> secrets = factory.forResource(SECRETS);
    factory.start();
    assertThat(factory.waitForCacheSync(Duration.ofSeconds(30)).values()).containsOnly(true);
    PartialObjectMetadata s1 = secrets.lister().namespace("ma").get("s1");
    assertThat(s1).isNotNull();
    assertThat(s1.getMetadata().getLabels()).containsEntry("app", "web");
    assertThat(s1.toString()).doesNotContain("hunter2");
    List<PartialObjectMetadata> web = secrets.lister().list(Selector.parse("app=web"));
    assertThat(web).extracting(p -> p.getMetadata().getName()).containsExactly("s1");
    assertThat(factoryThreads()).isNotEmpty();
    factory.shutdown();
    assertThat(secrets.informer().isStopped()).isTrue();
    assertThat(factoryThreads()).isEmpty();
    assertThatThrownBy(() -> factory.forResource(CONFIG_MAPS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shut down");
  }

  /** Threads of metadata informers: their reflectors and their factory's pool and timer. */
  private static List<Thread> factoryThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(
            t ->
                t.getName().startsWith("kube-informer-metadata-factory-")
                    || t.getName().startsWith("kube-informer-secrets.v1-"))
        .toList();
  }
}
