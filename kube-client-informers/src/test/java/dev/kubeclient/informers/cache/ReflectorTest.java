package dev.kubeclient.informers.cache;

import static dev.kubeclient.informers.cache.FakeListerWatcher.pod;
import static dev.kubeclient.informers.cache.FakeListerWatcher.podList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.cache.FakeListerWatcher.FakeWatch;
import dev.kubeclient.testing.FakeClock;
import dev.kubeclient.typed.api.core.v1.Pod;
import dev.kubeclient.typed.api.core.v1.PodList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReflectorTest {
  private final FakeClock clock = new FakeClock();
  private final FakeListerWatcher lw = new FakeListerWatcher();
  private final Store<Pod> store = Store.newStore(KeyFunctions.metaNamespaceKeyFunc());
  private final List<Reflector<Pod>> started = new ArrayList<>();
  private volatile boolean advancing = true;
  private Thread advancer;

  /** Moves the fake clock 100 ms per real millisecond, so backoff costs no real time. */
  @BeforeEach
  void startClock() {
    advancer =
        new Thread(
            () -> {
              while (advancing) {
                clock.advance(Duration.ofMillis(100));
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    advancer.setDaemon(true);
    advancer.start();
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Reflector<Pod> r : started) {
      r.stop();
    }
    advancing = false;
    advancer.join();
  }

  private Reflector.Builder<Pod> builder() {
    return Reflector.newBuilder(lw, store)
        .name("pods")
        .typeDescription("v1/Pod")
        .clock(clock)
        .random(new SplittableRandom(1));
  }

  private Reflector<Pod> start(Reflector.Builder<Pod> b) {
    Reflector<Pod> r = b.build();
    started.add(r);
    Thread t = new Thread(r::run, "reflector-under-test");
    t.setDaemon(true);
    t.start();
    return r;
  }

  /** Watches whose first one delivers one ADDED event and then 410 Gone; later ones stay open. */
  private static java.util.function.Function<ListOptions, FakeWatch> firstWatchGoneAfter(
      AtomicInteger counter, String name, String rv) {
    return o ->
        counter.incrementAndGet() == 1
            ? new FakeWatch().add(name, rv).fail(ApiErrors.expired())
            : new FakeWatch();
  }

  /** Scenario of client-go {@code TestReflectorListAndWatch}: list, then watch from its version. */
  @Test
  void run_listsThenWatchesFromListVersion_andTracksEventVersions() {
    lw.lister = o -> podList("1", pod("a", "1"));
    FakeWatch w = new FakeWatch();
    lw.watcher = o -> w;
    Reflector<Pod> r = start(builder());
    await().until(() -> lw.watches.size() == 1);
    assertThat(lw.lists.get(0).resourceVersion()).isEqualTo("0");
    assertThat(lw.watches.get(0).resourceVersion()).isEqualTo("1");
    assertThat(lw.watches.get(0).queryParams()).containsEntry("allowWatchBookmarks", "true");
    assertThat(store.listKeys()).containsExactly("ns/a");
    w.add("b", "2").modify("a", "3").delete("b", "4").bookmark("5", false);
    await().until(() -> r.lastSyncResourceVersion().equals("5"));
    assertThat(store.listKeys()).containsExactly("ns/a");
    assertThat(store.getByKey("ns/a").getMetadata().getResourceVersion()).isEqualTo("3");
    assertThat(r.isWatching()).isTrue();
    assertThat(r.lastEventTime()).isPresent();
  }

  @Test
  void list_itemsWithoutTypeMeta_getTheListsApiVersionAndKind() {
    lw.lister = o -> podList("1", pod("a", "1"));
    start(builder());
    await().until(() -> store.getByKey("ns/a") != null);
    Pod a = store.getByKey("ns/a");
    assertThat(a.getApiVersion()).isEqualTo("v1");
    assertThat(a.getKind()).isEqualTo("Pod");
  }

  /** Scenario of client-go {@code TestWatchTimeout}: 5-10 minute timeouts, bookmarks on. */
  @Test
  void watch_timeoutIsRandomBetweenFiveAndTenMinutes() {
    lw.watcher = o -> new FakeWatch().add("x", "2").end();
    start(builder());
    await().until(() -> lw.watches.size() >= 5);
    for (ListOptions o : lw.watches) {
      assertThat(o.timeoutSeconds()).isBetween(300L, 600L);
    }
  }

  /** A watch ending normally after events is reopened at once from the last version, no relist. */
  @Test
  void watch_endsNormally_reopensFromLastVersionWithoutRelist() {
    AtomicInteger n = new AtomicInteger();
    lw.watcher =
        o -> n.incrementAndGet() == 1 ? new FakeWatch().add("b", "7").end() : new FakeWatch();
    start(builder());
    await().until(() -> lw.watches.size() == 2);
    assertThat(lw.watches.get(1).resourceVersion()).isEqualTo("7");
    assertThat(lw.lists).hasSize(1);
  }

  /** Scenario of client-go {@code TestReflectorResyncWithResourceVersion}: relist at last RV. */
  @Test
  void watch_gone_relistsAtLastSeenVersion() {
    AtomicInteger n = new AtomicInteger();
    lw.lister = o -> podList(n.get() == 0 ? "1" : "9", pod("a", "1"));
    lw.watcher = firstWatchGoneAfter(n, "b", "5");
    start(builder());
    await().until(() -> lw.lists.size() == 2);
    assertThat(lw.lists.get(0).resourceVersion()).isEqualTo("0");
    assertThat(lw.lists.get(1).resourceVersion()).isEqualTo("5");
    await().until(() -> lw.watches.size() == 2);
    assertThat(lw.watches.get(1).resourceVersion()).isEqualTo("9");
  }

  /** Scenario of client-go {@code TestReflectorFullListIfExpired}: "" only after the list's 410. */
  @Test
  void relist_listAtVersionExpired_listsConsistentlyAtEmptyVersion() {
    AtomicInteger watches = new AtomicInteger();
    lw.lister =
        o -> {
          if ("5".equals(o.resourceVersion())) {
            throw ApiErrors.expired();
          }
          return podList("10", pod("a", "1"));
        };
    lw.watcher = firstWatchGoneAfter(watches, "b", "5");
    start(builder());
    await().until(() -> lw.lists.size() == 3);
    assertThat(lw.lists).extracting(ListOptions::resourceVersion).containsExactly("0", "5", null);
    await().until(() -> lw.watches.size() == 2);
    assertThat(lw.watches.get(1).resourceVersion()).isEqualTo("10");
  }

  /** Scenario of client-go {@code TestReflectorFullListIfTooLarge}. */
  @Test
  void relist_tooLargeResourceVersion_listsAtEmptyVersion() {
    AtomicInteger watches = new AtomicInteger();
    lw.lister =
        o -> {
          if ("5".equals(o.resourceVersion())) {
            throw ApiErrors.tooLargeResourceVersion();
          }
          return podList("10");
        };
    lw.watcher = firstWatchGoneAfter(watches, "b", "5");
    start(builder());
    await().until(() -> lw.lists.size() == 3);
    assertThat(lw.lists).extracting(ListOptions::resourceVersion).containsExactly("0", "5", null);
  }

  /** 410 on the very first list: the retry is a consistent list at "". */
  @Test
  void firstList_gone_retriesAtEmptyVersion() {
    lw.lister =
        o -> {
          if ("0".equals(o.resourceVersion())) {
            throw ApiErrors.expired();
          }
          return podList("3", pod("a", "3"));
        };
    start(builder());
    await().until(() -> lw.watches.size() == 1);
    assertThat(lw.lists).extracting(ListOptions::resourceVersion).containsExactly("0", null);
    assertThat(lw.watches.get(0).resourceVersion()).isEqualTo("3");
  }

  /** Scenario of client-go {@code TestNoRelistOnTooManyRequests}: 429 backs off, no relist. */
  @Test
  void watch_tooManyRequests_backsOffAndWatchesAgainWithoutRelist() {
    AtomicInteger n = new AtomicInteger();
    lw.watcher =
        o -> {
          if (n.incrementAndGet() <= 2) {
            throw ApiErrors.tooManyRequests();
          }
          return new FakeWatch();
        };
    start(builder());
    await().until(() -> lw.watches.size() == 3);
    assertThat(lw.lists).hasSize(1);
  }

  /** A watch the server closes at once, again and again, costs a backoff and a relist each. */
  @Test
  void watch_closedAtOnceRepeatedly_backsOffAndRelistsInsteadOfHotLooping() {
    lw.watcher = o -> new FakeWatch().end();
    long startNanos = clock.nanoTime();
    start(builder());
    await().until(() -> lw.watches.size() >= 5);
    // Every very short watch is followed by a backoff (at least 0.8 s of clock time) and a relist.
    assertThat(lw.lists.size()).isGreaterThanOrEqualTo(lw.watches.size() - 1);
    assertThat(clock.nanoTime() - startNanos).isGreaterThanOrEqualTo(4 * 800_000_000L);
  }

  @Test
  void list_fails_handlerSeesErrorAndReflectorRetries() {
    AtomicInteger n = new AtomicInteger();
    lw.lister =
        o -> {
          if (n.incrementAndGet() <= 2) {
            throw ApiErrors.forbidden();
          }
          return podList("1");
        };
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    start(builder().watchErrorHandler((r, e) -> errors.add(e)));
    await().until(() -> lw.watches.size() == 1);
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0))
        .isInstanceOf(KubeClientException.class)
        .hasMessageContaining("failed to list v1/Pod");
  }

  /** Scenario of client-go {@code TestReflectorWatchListPageSize} and pagination rules. */
  @Test
  void list_paginatedAtZero_keepsPaginatingRelistsAtVersion() {
    AtomicInteger watches = new AtomicInteger();
    lw.lister =
        o -> {
          if (o.continueToken() == null) {
            PodList l = podList("10", pod("a", "1"));
            l.getMetadata().setContinue("next");
            return l;
          }
          return podList("10", pod("b", "1"));
        };
    lw.watcher = firstWatchGoneAfter(watches, "c", "11");
    start(builder());
    await().until(() -> lw.lists.size() == 4);
    assertThat(lw.lists.get(0).limit()).isEqualTo(500);
    assertThat(lw.lists.get(1).continueToken()).isEqualTo("next");
    assertThat(lw.lists.get(1).resourceVersion()).isNull();
    // The relist at "11" stays paginated because the watch cache evidently is off.
    assertThat(lw.lists.get(2).resourceVersion()).isEqualTo("11");
    assertThat(lw.lists.get(2).limit()).isEqualTo(500);
  }

  /** Scenario of client-go {@code TestReflectorNotPaginatingNotConsistentReads}. */
  @Test
  void relist_atVersionWithoutPaginatedHistory_listsWithoutLimit() {
    AtomicInteger watches = new AtomicInteger();
    lw.lister = o -> podList("10");
    lw.watcher = firstWatchGoneAfter(watches, "c", "11");
    start(builder());
    await().until(() -> lw.lists.size() == 2);
    assertThat(lw.lists.get(0).limit()).isEqualTo(500);
    assertThat(lw.lists.get(1).resourceVersion()).isEqualTo("11");
    assertThat(lw.lists.get(1).limit()).isZero();
  }

  @Test
  void watchListPageSize_isUsedForEveryList() {
    start(builder().watchListPageSize(7));
    await().until(() -> lw.lists.size() == 1);
    assertThat(lw.lists.get(0).limit()).isEqualTo(7);
  }

  /** Scenario of client-go {@code TestReflectorResync}: the store is resynced each period. */
  @Test
  void resync_whileWatching_callsStoreResyncWhenAsked() {
    AtomicInteger resyncs = new AtomicInteger();
    AtomicBoolean ask = new AtomicBoolean(true);
    ReflectorStore<Pod> counting =
        new ReflectorStore<>() {
          @Override
          public void add(Pod obj) {}

          @Override
          public void update(Pod obj) {}

          @Override
          public void delete(Pod obj) {}

          @Override
          public void replace(java.util.Collection<? extends Pod> list, String rv) {}

          @Override
          public void resync() {
            resyncs.incrementAndGet();
          }
        };
    Reflector<Pod> r =
        Reflector.newBuilder(lw, counting)
            .clock(clock)
            .resyncPeriod(Duration.ofSeconds(1))
            .shouldResync(ask::get)
            .build();
    started.add(r);
    Thread t = new Thread(r::run);
    t.setDaemon(true);
    t.start();
    await().until(() -> resyncs.get() >= 3);
  }

  @Test
  void lifecycle_doubleRunFails_stopIsIdempotent_stopBeforeRunPreventsRun() throws Exception {
    Reflector<Pod> r = start(builder());
    await().until(() -> lw.watches.size() == 1);
    assertThatThrownBy(r::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("running");
    r.stop();
    r.stop();
    assertThat(lw.lastWatch().closed).isTrue();
    assertThat(r.isWatching()).isFalse();
    Reflector<Pod> never = builder().build();
    never.stop();
    assertThatThrownBy(never::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped");
  }

  @Test
  void stop_duringBackoff_returnsPromptly() {
    lw.lister =
        o -> {
          throw ApiErrors.forbidden();
        };
    advancing = false;
    Reflector<Pod> r = start(builder());
    await().until(() -> lw.lists.size() == 1);
    r.stop();
    assertThat(lw.lists).hasSize(1);
  }

  @Test
  void watchList_streamsInitialEventsThenKeepsWatching() {
    FakeWatch w = new FakeWatch().add("a", "3").add("b", "4").bookmark("5", true);
    lw.watcher = o -> w;
    Reflector<Pod> r = start(builder().useWatchList(true));
    await().until(() -> store.listKeys().size() == 2);
    assertThat(lw.lists).isEmpty();
    ListOptions o = lw.watches.get(0);
    assertThat(o.queryParams())
        .containsEntry("sendInitialEvents", "true")
        .containsEntry("resourceVersionMatch", "NotOlderThan")
        .containsEntry("allowWatchBookmarks", "true")
        .doesNotContainKey("resourceVersion");
    assertThat(r.lastSyncResourceVersion()).isEqualTo("5");
    w.add("c", "6");
    await().until(() -> store.listKeys().size() == 3);
    assertThat(lw.watches).hasSize(1);
  }

  @Test
  void watchList_rejected_fallsBackToListAndWatch() {
    AtomicInteger n = new AtomicInteger();
    lw.lister = o -> podList("2", pod("a", "2"));
    lw.watcher =
        o -> {
          if (o.queryParams().containsKey("sendInitialEvents")) {
            n.incrementAndGet();
            throw ApiErrors.badRequest();
          }
          return new FakeWatch();
        };
    start(builder().useWatchList(true));
    await().until(() -> lw.watches.size() == 2);
    assertThat(lw.lists).hasSize(1);
    assertThat(store.listKeys()).containsExactly("ns/a");
    assertThat(n).hasValue(1);
  }

  @Test
  void watchList_serverIgnoresSendInitialEvents_doesNotHang() {
    lw.lister = o -> podList("2", pod("a", "2"));
    // An old server: synthetic ADDED events, then silence, never the end bookmark.
    lw.watcher =
        o ->
            o.queryParams().containsKey("sendInitialEvents")
                ? new FakeWatch().add("a", "2")
                : new FakeWatch();
    start(builder().useWatchList(true).initialEventsTimeout(Duration.ofSeconds(2)));
    await().atMost(Duration.ofSeconds(20)).until(() -> lw.lists.size() == 1);
    await().until(() -> lw.watches.size() == 2);
    assertThat(lw.opened.get(0).closed).isTrue();
  }
}
