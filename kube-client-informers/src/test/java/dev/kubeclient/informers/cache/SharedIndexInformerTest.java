package dev.kubeclient.informers.cache;

import static dev.kubeclient.informers.cache.FakeListerWatcher.pod;
import static dev.kubeclient.informers.cache.FakeListerWatcher.podList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.FieldsV1;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.labels.Selector;
import dev.kubeclient.informers.cache.FakeListerWatcher.FakeWatch;
import dev.kubeclient.testing.FakeClock;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedIndexInformerTest {
  private final FakeListerWatcher lw = new FakeListerWatcher();
  private final FakeWatch watch = new FakeWatch();
  private final List<SharedIndexInformer<Pod>> informers = new ArrayList<>();

  SharedIndexInformerTest() {
    lw.lister = o -> podList("1", pod("a", "1"), pod("b", "1"));
    lw.watcher = o -> lw.opened.isEmpty() ? watch : new FakeWatch();
  }

  @AfterEach
  void stopAll() {
    informers.forEach(SharedInformer::stop);
  }

  private SharedIndexInformer<Pod> informer(SharedIndexInformer.Builder<Pod> b) {
    SharedIndexInformer<Pod> i = b.build();
    informers.add(i);
    return i;
  }

  private SharedIndexInformer<Pod> informer() {
    return informer(SharedIndexInformer.newBuilder(lw, Pod.class));
  }

  @Test
  void run_deliversInitialListThenChanges_andCacheFollows() {
    SharedIndexInformer<Pod> inf = informer();
    RecordingEventHandler h = new RecordingEventHandler();
    ResourceEventHandlerRegistration reg = inf.addEventHandler(h);
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), inf, reg)).isTrue();
    assertThat(h.initialAdds).isEqualTo(2);
    watch.add("c", "2").modify("a", "3").delete("b", "4");
    await().until(() -> h.events.size() == 5);
    assertThat(h.events)
        .containsExactlyInAnyOrder(
            "add ns/a initial", "add ns/b initial", "add ns/c", "update ns/a 3", "delete ns/b");
    assertThat(inf.getIndexer().listKeys()).containsExactlyInAnyOrder("ns/a", "ns/c");
    assertThat(h.versions()).isEqualTo(Map.of("ns/a", "3", "ns/c", "2"));
    assertThat(inf.lastSyncResourceVersion()).isEqualTo("4");
    assertThat(inf.getIndexer().byIndex(Indexers.NAMESPACE_INDEX, "ns")).hasSize(2);
    assertThat(inf.isWatching()).isTrue();
    assertThat(inf.lastEventTime()).isPresent();
  }

  /** Scenario of client-go {@code TestAddWhileActive}: a late handler gets the cache as adds. */
  @Test
  void addEventHandler_whileRunning_getsCacheAsInitialAddsAndSyncs() {
    SharedIndexInformer<Pod> inf = informer();
    inf.start();
    assertThat(Cache.waitForCacheSync(Duration.ofSeconds(10), inf)).isTrue();
    RecordingEventHandler late = new RecordingEventHandler();
    ResourceEventHandlerRegistration reg = inf.addEventHandler(late);
    await().until(reg::hasSynced);
    assertThat(late.events).containsExactlyInAnyOrder("add ns/a initial", "add ns/b initial");
    watch.add("c", "2");
    await().until(() -> late.events.contains("add ns/c"));
  }

  /** Scenario of client-go {@code TestRemoveWhileActive}. */
  @Test
  void removeEventHandler_stopsDelivery() {
    SharedIndexInformer<Pod> inf = informer();
    RecordingEventHandler removed = new RecordingEventHandler();
    RecordingEventHandler kept = new RecordingEventHandler();
    ResourceEventHandlerRegistration reg = inf.addEventHandler(removed);
    inf.addEventHandler(kept);
    inf.start();
    await().until(() -> removed.events.size() == 2 && kept.events.size() == 2);
    inf.removeEventHandler(reg);
    inf.removeEventHandler(reg);
    watch.add("c", "2");
    await().until(() -> kept.events.size() == 3);
    assertThat(removed.events).hasSize(2);
  }

  /**
   * Removing a handler waits for its delivery in progress, but not under the lock a handler needs
   * to join: a handler that, in its callback, adds another handler while it is being removed must
   * not deadlock with the removal.
   */
  @Test
  void removeEventHandler_whileItsCallbackAddsAHandler_doesNotDeadlock() {
    SharedIndexInformer<Pod> inf = informer();
    CountDownLatch entered = new CountDownLatch(1);
    AtomicReference<Thread> remover = new AtomicReference<>();
    RecordingEventHandler joined = new RecordingEventHandler();
    AtomicReference<ResourceEventHandlerRegistration> joinedReg = new AtomicReference<>();
    ResourceEventHandlerRegistration reg =
        inf.addEventHandler(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(Pod obj, boolean initial) {
                if (entered.getCount() == 0) {
                  return;
                }
                entered.countDown();
                // Wait (spinning: removal interrupts this thread) until the remover is blocked
                // waiting for this delivery to end, then need the informer's lock.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline) {
                  Thread r = remover.get();
                  if (r != null && r.getState() == Thread.State.WAITING) {
                    break;
                  }
                  Thread.onSpinWait();
                }
                joinedReg.set(inf.addEventHandler(joined));
              }
            });
    inf.start();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          entered.await();
          Thread r = new Thread(() -> inf.removeEventHandler(reg), "remover");
          remover.set(r);
          r.start();
          r.join();
        });
    assertThat(joinedReg.get()).isNotNull();
    await().until(() -> joined.view.size() == 2);
    assertThat(joined.anomalies).isEmpty();
  }

  /** A handler blocked in its callback delays only itself. */
  @Test
  void slowHandler_delaysOnlyItself() throws Exception {
    SharedIndexInformer<Pod> inf = informer();
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger slowCalls = new AtomicInteger();
    inf.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod obj, boolean initial) {
            slowCalls.incrementAndGet();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    RecordingEventHandler fast = new RecordingEventHandler();
    inf.addEventHandler(fast);
    inf.start();
    for (int i = 0; i < 200; i++) {
      watch.add("p" + i, Integer.toString(10 + i));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> fast.events.size() == 202);
    assertThat(slowCalls).hasValue(1);
    release.countDown();
    await().until(() -> slowCalls.get() == 202);
  }

  @Test
  void throwingHandler_isLoggedAndKeepsGettingEvents() {
    SharedIndexInformer<Pod> inf = informer();
    AtomicInteger calls = new AtomicInteger();
    inf.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod obj, boolean initial) {
            calls.incrementAndGet();
            throw new IllegalStateException("handler bug");
          }
        });
    RecordingEventHandler other = new RecordingEventHandler();
    inf.addEventHandler(other);
    inf.start();
    watch.add("c", "2");
    await().until(() -> calls.get() == 3 && other.events.size() == 3);
  }

  /** An Error (say, a failed assertion in a test's handler) must not end delivery or hang stop. */
  @Test
  void handlerThrowingError_keepsGettingEvents_andStopReturns() {
    SharedIndexInformer<Pod> inf = informer();
    AtomicInteger calls = new AtomicInteger();
    inf.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod obj, boolean initial) {
            calls.incrementAndGet();
            throw new AssertionError("handler assertion");
          }
        });
    inf.start();
    await().until(() -> calls.get() == 2);
    watch.add("c", "2");
    await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 3);
    assertTimeoutPreemptively(Duration.ofSeconds(10), inf::stop);
  }

  /** A relist that misses a deleted object delivers a tombstone delete. */
  @Test
  void relist_missingObject_deliversDeleteWithFinalStateUnknown() {
    AtomicInteger lists = new AtomicInteger();
    lw.lister =
        o ->
            lists.incrementAndGet() == 1
                ? podList("1", pod("a", "1"), pod("b", "1"))
                : podList("9", pod("a", "1"));
    SharedIndexInformer<Pod> inf = informer();
    RecordingEventHandler h = new RecordingEventHandler();
    inf.addEventHandler(h);
    inf.start();
    await().until(inf::hasSynced);
    watch.fail(ApiErrors.expired());
    await().atMost(Duration.ofSeconds(20)).until(() -> h.events.contains("delete ns/b tombstone"));
    assertThat(inf.getStore().listKeys()).containsExactly("ns/a");
    assertThat(h.versions()).containsOnlyKeys("ns/a");
  }

  @Test
  void filteringHandler_translatesUpdatesByFilter() {
    SharedIndexInformer<Pod> inf = informer();
    RecordingEventHandler h = new RecordingEventHandler();
    inf.addEventHandler(
        new FilteringResourceEventHandler<>(p -> p.getMetadata().getLabels().containsKey("x"), h));
    inf.start();
    await().until(inf::hasSynced);
    Pod labelled = pod("a", "5");
    labelled.getMetadata().putInLabels("x", "1");
    watch.event(dev.kubeclient.rest.WatchEvent.Type.MODIFIED, labelled);
    watch.modify("a", "6");
    await().until(() -> h.events.size() == 2);
    assertThat(h.events).containsExactly("add ns/a", "delete ns/a");
  }

  @Test
  void cachedObjects_keepTheirManagedFieldsPacked_andEqualToWhatWasListed() throws Exception {
    String set = "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},\"f:spec\":{}}";
    Pod listed =
        Codec.decode(
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"namespace\":\"ns\","
                + "\"name\":\"a\",\"resourceVersion\":\"1\","
                + "\"managedFields\":[{\"manager\":\"m\",\"fieldsV1\":"
                + set
                + "},{}]}}",
            Pod.class);
    FieldsV1 decoded = listed.getMetadata().getManagedFields().get(0).getFieldsV1();
    // As decoded, the set is text: packing it would give a new instance.
    assertThat(decoded.packed()).isNotSameAs(decoded);
    lw.lister = o -> podList("1", listed.deepCopy());
    RecordingEventHandler h = new RecordingEventHandler();
    SharedIndexInformer<Pod> inf = informer();
    inf.addEventHandler(h);
    inf.start();
    await().until(inf::hasSynced);
    Pod cached = inf.getIndexer().getByKey("ns/a");
    FieldsV1 kept = cached.getMetadata().getManagedFields().get(0).getFieldsV1();
    assertThat(kept.packed()).isSameAs(kept);
    assertThat(kept).isEqualTo(decoded);
    assertThat(kept.json()).isEqualTo(set);
    assertThat(cached.getMetadata().getManagedFields().get(1).getFieldsV1()).isNull();
    assertThat(cached).isEqualTo(listed);
    assertThat(Codec.encode(cached)).isEqualTo(Codec.encode(listed));
  }

  @Test
  void transform_isAppliedBeforeCaching_andMustBeSetBeforeStart() {
    SharedIndexInformer<Pod> inf = informer();
    inf.setTransform(
        p -> {
          p.getMetadata().putInAnnotations("transformed", "yes");
          return p;
        });
    inf.start();
    await().until(inf::hasSynced);
    assertThat(inf.getStore().list())
        .allSatisfy(p -> assertThat(p.getMetadata().getAnnotations()).containsKey("transformed"));
    assertThatThrownBy(() -> inf.setTransform(p -> p))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already started");
    assertThatThrownBy(() -> inf.setWatchErrorHandler((r, e) -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void lifecycle_startTwiceFails_stopIdempotent_whenStoppedCompletes() throws Exception {
    SharedIndexInformer<Pod> inf = informer();
    inf.start();
    assertThatThrownBy(inf::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("running");
    inf.stop();
    inf.stop();
    assertThat(inf.isStopped()).isTrue();
    inf.whenStopped().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThatThrownBy(() -> inf.addEventHandler(new RecordingEventHandler()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("kube-informer-pod-reflector") && t.isAlive());
    SharedIndexInformer<Pod> never = informer();
    never.stop();
    assertThatThrownBy(never::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped");
  }

  @Test
  void run_blocksUntilStopped() throws Exception {
    SharedIndexInformer<Pod> inf = informer();
    Thread runner = new Thread(inf::run);
    runner.start();
    await().until(inf::hasSynced);
    assertThat(runner.isAlive()).isTrue();
    inf.stop();
    runner.join(10_000);
    assertThat(runner.isAlive()).isFalse();
  }

  @Test
  void mutationDetector_mutatedCachedObject_stopsInformerWithCause() {
    SharedIndexInformer<Pod> inf =
        informer(SharedIndexInformer.newBuilder(lw, Pod.class).detectMutations(true));
    inf.start();
    await().until(inf::hasSynced);
    inf.getStore().list().get(0).getMetadata().putInLabels("mutated", "oops");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> inf.whenStopped().toCompletableFuture().isCompletedExceptionally());
    assertThatThrownBy(() -> inf.whenStopped().toCompletableFuture().join())
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("modified");
  }

  @Test
  void listers_listAndGetByNamespaceAndSelector() {
    lw.lister =
        o -> {
          Pod a = pod("a", "1");
          a.getMetadata().putInLabels("app", "web");
          Pod other = new Pod().metadata(m -> m.namespace("other").name("b").resourceVersion("1"));
          return podList("1", a, other);
        };
    SharedIndexInformer<Pod> inf = informer();
    inf.start();
    await().until(inf::hasSynced);
    Lister<Pod> lister = Lister.of(inf.getIndexer());
    assertThat(lister.list(Selector.everything())).hasSize(2);
    assertThat(lister.list(Selector.parse("app=web")))
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("a");
    assertThat(lister.namespace("ns").list(Selector.everything())).hasSize(1);
    assertThat(lister.namespace("other").get("b")).isNotNull();
    assertThat(lister.namespace("ns").get("b")).isNull();
    assertThat(lister.get("ns/a")).isNotNull();
  }

  /** Scenario of client-go {@code TestListenerResyncPeriods}: each handler its own period. */
  @Test
  void resync_handlersGetSyncsAtTheirOwnPeriods() {
    FakeClock clock = new FakeClock();
    SharedIndexInformer<Pod> inf =
        informer(
            SharedIndexInformer.newBuilder(lw, Pod.class)
                .clock(clock)
                .resyncPeriod(Duration.ofSeconds(1)));
    RecordingEventHandler every = new RecordingEventHandler();
    RecordingEventHandler never = new RecordingEventHandler();
    RecordingEventHandler slower = new RecordingEventHandler();
    inf.addEventHandler(every);
    inf.addEventHandlerWithResyncPeriod(never, Duration.ZERO);
    inf.addEventHandlerWithResyncPeriod(slower, Duration.ofSeconds(3));
    inf.start();
    await().until(inf::hasSynced);
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofSeconds(1));
      int target = i + 1;
      await()
          .until(
              () ->
                  every.events.stream().filter(e -> e.startsWith("update")).count() >= 2L * target);
    }
    long slowerUpdates = slower.events.stream().filter(e -> e.startsWith("update")).count();
    assertThat(slowerUpdates).isBetween(2L, 6L);
    assertThat(never.events).hasSize(2);
  }
}
