package dev.kubeclient.informers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.testing.Faults;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.api.core.v1.Namespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An informer's cache converges to exactly the server's state under injected faults: no lost, stale
 * or phantom object, and every deletion delivered to the handler, directly or as a tombstone.
 * Writers change config maps at random while a fault strikes; then the faults are cleared, and both
 * the cache and the handler's replayed view must equal a fresh list.
 */
@EmbeddedKube(https = false)
class InformerReliabilityTest {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private final EmbeddedApiServer server;
  private final ClientSet cs;
  private final List<SharedIndexInformer<ConfigMap>> informers = new ArrayList<>();

  /** List requests of the informer under test (a watch-list informer should need none). */
  private final AtomicInteger lists = new AtomicInteger();

  InformerReliabilityTest(EmbeddedApiServer server) {
    this.server = server;
    this.cs = ClientSet.newForConfig(server.restConfig());
  }

  @AfterEach
  void cleanUp() {
    server.faults().reset();
    informers.forEach(SharedInformer::stop);
    cs.close();
  }

  /**
   * A handler replaying what it is told into key to resourceVersion, recording each notification
   * that does not follow from the ones before (a duplicate add, an update or delete of an absent
   * key, an update from another state than the last delivered, a resourceVersion going back); it
   * may be slow, to show that a slow handler loses and repeats nothing either.
   */
  private static final class ViewHandler implements ResourceEventHandler<ConfigMap> {
    final Map<String, String> view = new ConcurrentHashMap<>();
    final Queue<String> anomalies = new ConcurrentLinkedQueue<>();
    final AtomicInteger tombstones = new AtomicInteger();
    private final long delayMillis;

    ViewHandler(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    private void pause() {
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void onAdd(ConfigMap obj, boolean isInInitialList) {
      pause();
      String key = KeyFunctions.metaNamespaceKey(obj);
      if (view.put(key, obj.getMetadata().getResourceVersion()) != null) {
        anomalies.add("add of present " + key);
      }
    }

    @Override
    public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
      pause();
      String key = KeyFunctions.metaNamespaceKey(newObj);
      String rv = newObj.getMetadata().getResourceVersion();
      String before = view.put(key, rv);
      if (before == null) {
        anomalies.add("update of absent " + key);
      } else if (!before.equals(oldObj.getMetadata().getResourceVersion())) {
        anomalies.add("update of " + key + " from a state never delivered");
      } else if (Long.parseLong(rv) < Long.parseLong(before)) {
        anomalies.add("update of " + key + " back from " + before + " to " + rv);
      }
    }

    @Override
    public void onDelete(ConfigMap obj, boolean finalStateUnknown) {
      pause();
      if (finalStateUnknown) {
        tombstones.incrementAndGet();
      }
      String key = KeyFunctions.metaNamespaceKey(obj);
      if (view.remove(key) == null) {
        anomalies.add("delete of absent " + key);
      }
    }
  }

  private void ensureNamespace(String ns) {
    try {
      cs.coreV1()
          .namespaces()
          .create(new Namespace().metadata(m -> m.name(ns)), CreateOptions.none());
    } catch (KubeClientException e) {
      if (!Errors.isAlreadyExists(e)) {
        throw e;
      }
    }
  }

  /** One random change; failures the faults cause (or races between writers) are expected. */
  private void change(String ns, SplittableRandom r) {
    String name = "cm-" + r.nextInt(40);
    try {
      switch (r.nextInt(3)) {
        case 0 ->
            cs.coreV1()
                .configMaps(ns)
                .create(new ConfigMap().metadata(m -> m.name(name)), CreateOptions.none());
        case 1 -> {
          ConfigMap current = cs.coreV1().configMaps(ns).get(name);
          current.putInData("v", Long.toString(r.nextLong()));
          cs.coreV1().configMaps(ns).update(current, UpdateOptions.none());
        }
        default -> cs.coreV1().configMaps(ns).delete(name, DeleteOptions.none());
      }
    } catch (KubeClientException e) {
      if (Errors.isNotFound(e) && e.getMessage() != null && e.getMessage().contains("namespaces")) {
        ensureNamespace(ns);
      }
    }
  }

  private Map<String, String> serverState(String ns) {
    Map<String, String> m = new TreeMap<>();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              m.clear();
              for (ConfigMap c : cs.coreV1().configMaps(ns).list().getItems()) {
                m.put(KeyFunctions.metaNamespaceKey(c), c.getMetadata().getResourceVersion());
              }
              return true;
            });
    return m;
  }

  private static Map<String, String> cacheState(SharedIndexInformer<ConfigMap> informer) {
    Map<String, String> m = new TreeMap<>();
    for (ConfigMap c : informer.getStore().list()) {
      m.put(KeyFunctions.metaNamespaceKey(c), c.getMetadata().getResourceVersion());
    }
    return m;
  }

  /**
   * Runs writers while {@code fault} strikes a third of the way through, then checks convergence.
   * {@code beforeStart} sets faults that must hit the informer's first requests.
   *
   * @return the handler, for scenario-specific checks
   */
  private ViewHandler scenario(
      long seed,
      int writers,
      int opsPerWriter,
      Consumer<Faults> beforeStart,
      Consumer<Faults> fault)
      throws Exception {
    return scenario(false, seed, writers, opsPerWriter, beforeStart, fault);
  }

  /** As above, with the initial state streamed by a watch-list when {@code watchList}. */
  private ViewHandler scenario(
      boolean watchList,
      long seed,
      int writers,
      int opsPerWriter,
      Consumer<Faults> beforeStart,
      Consumer<Faults> fault)
      throws Exception {
    String ns = "rel-" + NAMESPACES.incrementAndGet();
    ensureNamespace(ns);
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int i = 0; i < 15; i++) {
      change(ns, seeds.split());
    }
    SharedIndexInformer<ConfigMap> informer =
        SharedIndexInformer.newBuilder(
                counting(ListerWatcher.forResource(cs.coreV1().configMaps(ns))), ConfigMap.class)
            .name("configmaps-" + ns)
            .useWatchList(watchList)
            .build();
    informers.add(informer);
    ViewHandler handler = new ViewHandler(0);
    ViewHandler slow = new ViewHandler(2);
    informer.addEventHandler(handler);
    informer.addEventHandler(slow);
    beforeStart.accept(server.faults());
    informer.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(30), informer)).isTrue();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      SplittableRandom r = seeds.split();
      boolean striker = w == 0;
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; i < opsPerWriter; i++) {
                  if (striker && i == opsPerWriter / 3) {
                    fault.accept(server.faults());
                  }
                  change(ns, r);
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join(60_000);
    }
    server.faults().reset();
    Map<String, String> expected = serverState(ns);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cacheState(informer).equals(expected)
                    && handler.view.equals(expected)
                    && slow.view.equals(expected));
    assertThat(informer.isStopped()).isFalse();
    assertThat(handler.anomalies).isEmpty();
    assertThat(slow.anomalies).isEmpty();
    return handler;
  }

  private ListerWatcher<ConfigMap> counting(ListerWatcher<ConfigMap> lw) {
    return new ListerWatcher<>() {
      @Override
      public KubernetesListObject<ConfigMap> list(ListOptions options) {
        lists.incrementAndGet();
        return lw.list(options);
      }

      @Override
      public Watch<ConfigMap> watch(ListOptions options) {
        return lw.watch(options);
      }
    };
  }

  private static void none(Faults f) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void watchesDroppedEveryFewEvents_converge(long seed) throws Exception {
    scenario(seed, 3, 40, f -> f.closeWatchesAfter(7), InformerReliabilityTest::none);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void goneMidBurst_relistsAndConverges(long seed) throws Exception {
    scenario(
        seed,
        3,
        40,
        InformerReliabilityTest::none,
        f -> {
          f.compactHistory();
          f.closeAllWatches();
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void errorStorms_converge(long seed) throws Exception {
    scenario(
        seed,
        3,
        40,
        InformerReliabilityTest::none,
        f -> {
          f.failNext(6, 500);
          f.closeAllWatches();
          f.throttleNext(4, Duration.ofSeconds(1));
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void restartLosingObjects_deletesThemWithTombstones(long seed) throws Exception {
    ViewHandler h = scenario(seed, 2, 30, InformerReliabilityTest::none, f -> f.restart(false));
    assertThat(h.tombstones.get()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void manyConcurrentWriters_converge(long seed) throws Exception {
    scenario(seed, 8, 25, f -> f.closeWatchesAfter(40), InformerReliabilityTest::none);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void goneOnInitialList_retriesAtLatest(long seed) throws Exception {
    scenario(seed, 2, 20, f -> f.expireNextLists(1), InformerReliabilityTest::none);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void goneAsWatchErrorEvent_relists(long seed) throws Exception {
    scenario(seed, 3, 30, InformerReliabilityTest::none, f -> f.expireWatchesAfter(5));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void goneAsHttpStatusOnWatchConnect_relists(long seed) throws Exception {
    scenario(
        seed,
        3,
        30,
        InformerReliabilityTest::none,
        f -> {
          f.rejectNextWatches(2, 410);
          f.closeAllWatches();
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void tooLargeResourceVersionOnRelist_listsAtLatest(long seed) throws Exception {
    scenario(
        seed,
        3,
        30,
        InformerReliabilityTest::none,
        f -> {
          f.tooLargeResourceVersionNextLists(1);
          f.compactHistory();
          f.closeAllWatches();
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void bareCloseRightAfterConnect_backsOffAndConverges(long seed) throws Exception {
    scenario(
        seed,
        3,
        30,
        InformerReliabilityTest::none,
        f -> {
          f.bareCloseNextWatches(3);
          f.closeAllWatches();
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void watchList_watchesDroppedAndGoneMidBurst_converge(long seed) throws Exception {
    scenario(
        true,
        seed,
        3,
        30,
        f -> f.closeWatchesAfter(9),
        f -> {
          f.compactHistory();
          f.closeAllWatches();
        });
    // Relists after 410 stream again from a consistent snapshot; nothing falls back to a list.
    assertThat(lists).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void watchList_restartLosingObjects_deletesThemWithTombstones(long seed) throws Exception {
    ViewHandler h =
        scenario(true, seed, 2, 30, InformerReliabilityTest::none, f -> f.restart(false));
    assertThat(h.tombstones.get()).isPositive();
    assertThat(lists).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void watchList_errorStormsAndGoneEvents_converge(long seed) throws Exception {
    scenario(
        true,
        seed,
        3,
        30,
        InformerReliabilityTest::none,
        f -> {
          f.expireWatchesAfter(4);
          f.failNext(4, 500);
          f.throttleNext(3, Duration.ofSeconds(1));
        });
  }
}
