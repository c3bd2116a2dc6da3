package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.informers.workqueue.internal.RealWorkQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkQueueTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Background background = new Background();

  /** The two ways client-go's table tests shut a queue down. */
  enum Shutdown {
    SHUT_DOWN,
    SHUT_DOWN_WITH_DRAIN;

    void apply(WorkQueue<?> q) throws InterruptedException {
      if (this == SHUT_DOWN) {
        q.shutDown();
      } else {
        q.shutDownWithDrain();
      }
    }
  }

  @AfterEach
  void stopThreads() {
    background.close();
  }

  /** Scenario of client-go {@code TestBasic}. */
  @ParameterizedTest
  @EnumSource(Shutdown.class)
  void producersAndConsumers_thenShutdown_processEverythingAndIgnoreLaterAdds(Shutdown shutdown)
      throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    List<CompletableFuture<Void>> producers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String item = "item-" + i;
      producers.add(
          background.run(
              "producer-" + i,
              () -> {
                for (int j = 0; j < 50; j++) {
                  q.add(item);
                  Thread.yield();
                }
              }));
    }
    List<CompletableFuture<Integer>> consumers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      consumers.add(
          background.call(
              "consumer-" + i,
              () -> {
                int n = 0;
                String item;
                while ((item = q.get()) != null) {
                  assertThat(item).isNotEqualTo("added after shutdown!");
                  n++;
                  q.done(item);
                }
                return n;
              }));
    }
    CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).get();
    shutdown.apply(q);
    q.add("added after shutdown!");
    int processed = 0;
    for (CompletableFuture<Integer> c : consumers) {
      processed += c.get();
    }
    assertThat(processed).isBetween(20, 20 * 50);
    assertThat(q.len()).isZero();
  }

  /** Scenario of client-go {@code TestAddWhileProcessing}. */
  @ParameterizedTest
  @EnumSource(Shutdown.class)
  void addWhileProcessing_itemIsProcessedAgain(Shutdown shutdown) throws Exception {
    WorkQueue<Integer> q = WorkQueue.create();
    for (int i = 0; i < 50; i++) {
      q.add(i);
    }
    List<CompletableFuture<Map<Integer, Integer>>> consumers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      consumers.add(
          background.call(
              "consumer-" + i,
              () -> {
                // Every worker re-adds every item it sees once: the dirty-while-processing case.
                Map<Integer, Integer> counters = new HashMap<>();
                Integer item;
                while ((item = q.get()) != null) {
                  if (counters.merge(item, 1, Integer::sum) < 2) {
                    q.add(item);
                  }
                  q.done(item);
                }
                return counters;
              }));
    }
    await().atMost(WAIT).until(() -> q.len() == 0 && ((RealWorkQueue<?>) q).processingCount() == 0);
    shutdown.apply(q);
    Map<Integer, Integer> total = new HashMap<>();
    for (CompletableFuture<Map<Integer, Integer>> c : consumers) {
      c.get().forEach((k, v) -> total.merge(k, v, Integer::sum));
    }
    assertThat(total).hasSize(50);
    assertThat(total.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(2));
    assertThat(q.len()).isZero();
  }

  /** Scenario of client-go {@code TestLen}. */
  @Test
  void len_duplicateAdd_doesNotGrow() {
    WorkQueue<String> q = WorkQueue.create();
    q.add("foo");
    assertThat(q.len()).isEqualTo(1);
    q.add("bar");
    assertThat(q.len()).isEqualTo(2);
    q.add("foo");
    assertThat(q.len()).isEqualTo(2);
  }

  /** Scenario of client-go {@code TestReinsert}. */
  @Test
  void add_whileProcessing_requeuesAfterDone() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("foo");
    String item = q.get();
    assertThat(item).isEqualTo("foo");
    q.add("foo");
    assertThat(q.len()).isZero();
    q.done("foo");
    assertThat(q.get()).isEqualTo("foo");
    q.done("foo");
    assertThat(q.len()).isZero();
  }

  /** Scenario of client-go {@code TestCollapse} (without the pluggable storage's Touch hook). */
  @Test
  void add_twiceBeforeGet_collapsesIntoOne() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("bar");
    q.add("bar");
    assertThat(q.get()).isEqualTo("bar");
    q.done("bar");
    assertThat(q.len()).isZero();
  }

  /** Scenario of client-go {@code TestCollapseWhileProcessing}. */
  @Test
  void add_twiceWhileProcessing_secondWorkerWaitsForDoneThenGetsItOnce() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("foo");
    assertThat(q.get()).isEqualTo("foo");
    q.add("foo");
    q.add("foo");
    CompletableFuture<String> other =
        background.call(
            "worker",
            () -> {
              String item = q.get();
              q.done(item);
              return item;
            });
    await().atMost(WAIT).until(() -> background.isWaiting("worker"));
    assertThat(other).isNotDone();
    q.done("foo");
    assertThat(other.get()).isEqualTo("foo");
    assertThat(q.len()).isZero();
  }

  /** Scenario of client-go {@code TestQueueDrainageUsingShutDownWithDrain}. */
  @Test
  void shutDownWithDrain_waitsForItemsInProcess() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("foo");
    q.add("bar");
    String first = q.get();
    String second = q.get();
    CompletableFuture<Void> drain = background.run("drain", q::shutDownWithDrain);
    await().atMost(WAIT).until(q::shuttingDown);
    assertThat(q.get()).isNull();
    assertThat(drain).isNotDone();
    q.done(first);
    assertThat(drain).isNotDone();
    q.done(second);
    drain.get();
  }

  /** Scenario of client-go {@code TestNoQueueDrainageUsingShutDown}. */
  @Test
  void shutDown_doesNotWaitForItemsInProcess() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("foo");
    q.add("bar");
    q.get();
    q.get();
    background.run("shutdown", q::shutDown).get();
    assertThat(q.shuttingDown()).isTrue();
  }

  /** Scenario of client-go {@code TestForceQueueShutdownUsingShutDown}. */
  @Test
  void shutDown_duringDrain_endsTheDrain() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("foo");
    q.add("bar");
    q.get();
    q.get();
    CompletableFuture<Void> drain = background.run("drain", q::shutDownWithDrain);
    await().atMost(WAIT).until(() -> background.isWaiting("drain"));
    assertThat(q.get()).isNull();
    q.shutDown();
    drain.get();
  }

  /** Scenario of client-go {@code TestQueueDrainageUsingShutDownWithDrainWithDirtyItem}. */
  @Test
  void shutDownWithDrain_dirtyItemInProcess_isHandedOutAgainBeforeDrainEnds() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("foo");
    String gotten = q.get();
    q.add("foo");
    CompletableFuture<Void> drain = background.run("drain", q::shutDownWithDrain);
    await().atMost(WAIT).until(q::shuttingDown);
    assertThat(q.get()).isNull();
    q.done(gotten);
    String again = q.get();
    assertThat(again).isEqualTo("foo");
    assertThat(drain).isNotDone();
    q.done(again);
    assertThat(q.get()).isNull();
    drain.get();
  }

  /**
   * client-go's drain waits only for the processing set, so it could end with keys still queued
   * (kubernetes/kubernetes#141079); this one waits for those too, as documented.
   */
  @Test
  void shutDownWithDrain_itemsStillQueued_waitsUntilTheyAreDone() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("a");
    q.add("b");
    String a = q.get();
    CompletableFuture<Void> drain = background.run("drain", q::shutDownWithDrain);
    await().atMost(WAIT).until(() -> background.isWaiting("drain"));
    q.done(a);
    assertThat(q.len()).isEqualTo(1);
    assertThat(drain).isNotDone();
    String b = q.get();
    assertThat(b).isEqualTo("b");
    q.done(b);
    drain.get();
  }

  /**
   * client-go queues a dirty item again on a done() for an item that is not processing, so two
   * workers can hold it (kubernetes/kubernetes#79934); here such a done() changes nothing.
   */
  @Test
  void done_itemNotProcessing_isIgnored() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("foo");
    q.done("foo");
    q.done("foo");
    assertThat(q.len()).isEqualTo(1);
    assertThat(q.get()).isEqualTo("foo");
    q.add("foo");
    q.done("foo");
    q.done("foo");
    assertThat(q.len()).isEqualTo(1);
    assertThat(q.get()).isEqualTo("foo");
    assertThat(q.len()).isZero();
  }

  @Test
  void get_afterShutDown_handsOutQueuedItemsThenNull() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.add("a");
    q.add("b");
    q.shutDown();
    q.add("c");
    assertThat(q.get()).isEqualTo("a");
    assertThat(q.get()).isEqualTo("b");
    assertThat(q.get()).isNull();
    assertThat(q.get()).isNull();
  }

  @Test
  void get_blockedThenShutDown_returnsNull() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    CompletableFuture<String> worker = background.call("worker", q::get);
    await().atMost(WAIT).until(() -> background.isWaiting("worker"));
    q.shutDown();
    assertThat(worker.get()).isNull();
  }

  @Test
  void get_interrupted_throwsAndLosesNoItem() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    CompletableFuture<String> interrupted = background.call("interrupted", q::get);
    await().atMost(WAIT).until(() -> background.isWaiting("interrupted"));
    background.thread("interrupted").interrupt();
    assertThatThrownBy(interrupted::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    q.add("foo");
    assertThat(q.get()).isEqualTo("foo");
  }

  @Test
  void shutDown_twice_isHarmless() throws Exception {
    WorkQueue<String> q = WorkQueue.create();
    q.shutDown();
    q.shutDown();
    q.shutDownWithDrain();
    assertThat(q.shuttingDown()).isTrue();
  }

  @Test
  void add_null_throwsNamingTheItem() {
    WorkQueue<String> q = WorkQueue.create();
    assertThatThrownBy(() -> q.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("item == null");
  }

  @Test
  void unnamedQueue_startsNoThread() {
    RealWorkQueue<String> q = (RealWorkQueue<String>) WorkQueue.<String>create();
    assertThat(q.metricsThread()).isNull();
  }

  /** Scenario of client-go {@code TestGarbageCollection}: the queue keeps no finished item. */
  @Test
  void doneItem_isNotRetained() throws Exception {
    WorkQueue<Object> q = WorkQueue.create();
    Object item = new byte[1024];
    WeakReference<Object> ref = new WeakReference<>(item);
    q.add(item);
    q.done(q.get());
    item = null;
    Gc.awaitCleared(ref);
  }
}
