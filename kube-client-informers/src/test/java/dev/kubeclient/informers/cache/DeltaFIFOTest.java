package dev.kubeclient.informers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DeltaFIFOTest {

  /** A KeyListerGetter over a fixed list, as client-go's literalListerGetter. */
  private static KeyListerGetter<FifoObj> known(FifoObj... objs) {
    Map<String, FifoObj> m = new HashMap<>();
    for (FifoObj o : objs) {
      m.put(o.name(), o);
    }
    return new KeyListerGetter<>() {
      @Override
      public List<String> listKeys() {
        return new ArrayList<>(m.keySet());
      }

      @Override
      public @Nullable FifoObj getByKey(String key) {
        return m.get(key);
      }
    };
  }

  private static DeltaFIFO.Builder<FifoObj> fifo() {
    return DeltaFIFO.<FifoObj>newBuilder().keyFunction(FifoObj.KEY);
  }

  private static List<Delta<FifoObj>> pop(DeltaFIFO<FifoObj> f) {
    List<List<Delta<FifoObj>>> got = new ArrayList<>();
    assertThat(f.tryPop((d, initial) -> got.add(d))).as("an item to pop").isTrue();
    return got.get(0);
  }

  private static Object popValue(DeltaFIFO<FifoObj> f) {
    List<Delta<FifoObj>> d = pop(f);
    return d.get(d.size() - 1).object().val();
  }

  private static Delta<FifoObj> d(DeltaType t, FifoObj o) {
    return Delta.of(t, o);
  }

  private static Delta<FifoObj> tomb(String key, @Nullable FifoObj o) {
    return Delta.tombstone(new DeletedFinalStateUnknown<>(key, o));
  }

  /** Scenario of client-go {@code TestDeltaFIFO_basic}: two producers, order per producer kept. */
  @Test
  void pop_twoProducers_keepsEachProducersOrder() {
    DeltaFIFO<FifoObj> f = fifo().build();
    int amount = 500;
    Thread a =
        new Thread(
            () -> {
              for (int i = 0; i < amount; i++) {
                f.add(FifoObj.of("a" + i, i + 1));
              }
            });
    Thread b =
        new Thread(
            () -> {
              for (long i = 0; i < amount; i++) {
                f.add(FifoObj.of("b" + i, i + 1));
              }
            });
    a.start();
    b.start();
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          int lastInt = 0;
          long lastLong = 0;
          for (int i = 0; i < amount * 2; i++) {
            List<Object> got = new ArrayList<>();
            f.pop((deltas, initial) -> got.add(deltas.get(0).object().val()));
            Object v = got.get(0);
            if (v instanceof Integer n) {
              assertThat(n).isGreaterThan(lastInt);
              lastInt = n;
            } else {
              assertThat((Long) v).isGreaterThan(lastLong);
              lastLong = (Long) v;
            }
          }
        });
  }

  /** Scenario of client-go {@code TestDeltaFIFO_replaceWithDeleteDeltaIn} (kubernetes 83810). */
  @Test
  void replace_afterQueuedDelete_addsSync() {
    FifoObj oldObj = FifoObj.of("foo", 1);
    FifoObj newObj = FifoObj.of("foo", 2);
    DeltaFIFO<FifoObj> f = fifo().knownObjects(known(oldObj)).build();
    f.delete(oldObj);
    f.replace(List.of(newObj), "");
    assertThat(pop(f)).containsExactly(d(DeltaType.DELETED, oldObj), d(DeltaType.SYNC, newObj));
  }

  /** Scenarios of client-go {@code TestDeltaFIFOW_ReplaceMakesDeletionsForObjectsOnlyInQueue}. */
  @Test
  void replace_objectsOnlyInQueue_getOneTombstone() {
    FifoObj obj = FifoObj.of("foo", 2);
    FifoObj objV2 = FifoObj.of("foo", 3);
    for (boolean withKnown : new boolean[] {true, false}) {
      // Added object should be deleted on Replace.
      DeltaFIFO<FifoObj> f = build(withKnown, false);
      f.add(obj);
      f.replace(List.of(), "0");
      assertThat(pop(f)).containsExactly(d(DeltaType.ADDED, obj), tomb("foo", obj));
      assertThat(f.size()).isZero();

      // Replaced object should have only a single Delete.
      f = build(withKnown, true);
      f.add(obj);
      f.replace(List.of(obj), "0");
      f.replace(List.of(), "0");
      assertThat(pop(f))
          .containsExactly(d(DeltaType.ADDED, obj), d(DeltaType.REPLACED, obj), tomb("foo", obj));

      // Deleted object should have only a single Delete.
      f = build(withKnown, false);
      f.add(obj);
      f.delete(obj);
      f.replace(List.of(), "0");
      assertThat(pop(f)).containsExactly(d(DeltaType.ADDED, obj), d(DeltaType.DELETED, obj));

      // Synced objects should have a single delete.
      f = build(withKnown, false);
      f.add(obj);
      f.replace(List.of(obj), "0");
      f.replace(List.of(obj), "0");
      f.replace(List.of(), "0");
      assertThat(pop(f))
          .containsExactly(
              d(DeltaType.ADDED, obj),
              d(DeltaType.SYNC, obj),
              d(DeltaType.SYNC, obj),
              tomb("foo", obj));

      // Added objects should have a single delete on multiple Replaces.
      f = build(withKnown, false);
      f.add(obj);
      f.replace(List.of(), "0");
      f.replace(List.of(), "1");
      assertThat(pop(f)).containsExactly(d(DeltaType.ADDED, obj), tomb("foo", obj));

      // Added and deleted and added object should be deleted.
      f = build(withKnown, false);
      f.add(obj);
      f.delete(obj);
      f.add(objV2);
      f.replace(List.of(), "0");
      assertThat(pop(f))
          .containsExactly(
              d(DeltaType.ADDED, obj),
              d(DeltaType.DELETED, obj),
              d(DeltaType.ADDED, objV2),
              tomb("foo", objV2));
      assertThat(f.size()).isZero();
    }
  }

  private static DeltaFIFO<FifoObj> build(boolean withKnown, boolean replaced) {
    DeltaFIFO.Builder<FifoObj> b = fifo().emitDeltaTypeReplaced(replaced);
    if (withKnown) {
      b.knownObjects(known());
    }
    return b.build();
  }

  /** Scenario of client-go {@code TestDeltaFIFO_addUpdate}. */
  @Test
  void addUpdateDelete_sameKey_popsOnceWithNewest() {
    DeltaFIFO<FifoObj> f = fifo().build();
    f.add(FifoObj.of("foo", 10));
    f.update(FifoObj.of("foo", 12));
    f.delete(FifoObj.of("foo", 15));
    assertThat(f.listKeys()).containsExactly("foo");
    assertThat(popValue(f)).isEqualTo(15);
    assertThat(f.tryPop((d, i) -> {})).isFalse();
    assertThat(f.getByKey("foo")).isNull();
  }

  /** Scenario of client-go {@code TestDeltaFIFO_transformer}: one transform per object. */
  @Test
  void transformer_runsOncePerObject_notOnTombstones() {
    Map<FifoObj, Integer> transforms = new HashMap<>();
    DeltaFIFO<FifoObj> f =
        fifo()
            .transformer(
                o -> {
                  transforms.merge(o, 1, Integer::sum);
                  return o;
                })
            .build();
    FifoObj foo10 = FifoObj.of("foo", 10);
    FifoObj bar11 = FifoObj.of("bar", 11);
    FifoObj foo12 = FifoObj.of("foo", 12);
    FifoObj foo15 = FifoObj.of("foo", 15);
    FifoObj bar16 = FifoObj.of("bar", 16);
    f.add(foo10);
    f.add(bar11);
    f.update(foo12);
    f.delete(foo15);
    f.replace(List.of(), "");
    f.add(bar16);
    f.replace(List.of(), "");
    assertThat(f.listKeys()).containsExactly("foo", "bar");
    assertThat(transforms)
        .containsOnlyKeys(foo10, bar11, foo12, foo15, bar16)
        .allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    List<Delta<FifoObj>> foo = pop(f);
    assertThat(foo.get(foo.size() - 1)).isEqualTo(d(DeltaType.DELETED, foo15));
    List<Delta<FifoObj>> bar = pop(f);
    assertThat(bar.get(bar.size() - 1)).isEqualTo(tomb("bar", bar16));
  }

  /** Scenario of client-go {@code TestDeltaFIFO_enqueueingNoLister}. */
  @Test
  void delete_unknownKeyWithoutLister_isDropped() {
    DeltaFIFO<FifoObj> f = fifo().build();
    f.add(FifoObj.of("foo", 10));
    f.update(FifoObj.of("bar", 15));
    f.add(FifoObj.of("qux", 17));
    f.delete(FifoObj.of("qux", 18));
    f.delete(FifoObj.of("baz", 20));
    assertThat(List.of(popValue(f), popValue(f), popValue(f))).containsExactly(10, 15, 18);
    assertThat(f.size()).isZero();
  }

  /** Scenario of client-go {@code TestDeltaFIFO_enqueueingWithLister}. */
  @Test
  void delete_knownKey_isQueued() {
    DeltaFIFO<FifoObj> f =
        fifo()
            .knownObjects(known(FifoObj.of("foo", 5), FifoObj.of("bar", 6), FifoObj.of("baz", 7)))
            .build();
    f.add(FifoObj.of("foo", 10));
    f.update(FifoObj.of("bar", 15));
    f.delete(FifoObj.of("baz", 20));
    assertThat(List.of(popValue(f), popValue(f), popValue(f))).containsExactly(10, 15, 20);
    assertThat(f.size()).isZero();
  }

  /** Scenario of client-go {@code TestDeltaFIFO_addReplace}. */
  @Test
  void replace_afterAdd_popsNewest() {
    DeltaFIFO<FifoObj> f = fifo().build();
    f.add(FifoObj.of("foo", 10));
    f.replace(List.of(FifoObj.of("foo", 15)), "0");
    assertThat(popValue(f)).isEqualTo(15);
    assertThat(f.size()).isZero();
  }

  /** Scenarios of client-go {@code TestDeltaFIFO_ResyncNonExisting} and {@code _Resync}. */
  @Test
  void resync_queuesSyncOnlyForKeysWithNothingQueued() {
    DeltaFIFO<FifoObj> f = fifo().knownObjects(known(FifoObj.of("foo", 5))).build();
    f.delete(FifoObj.of("foo", 10));
    f.resync();
    assertThat(f.getByKey("foo")).extracting(Delta::type).containsExactly(DeltaType.DELETED);

    f = fifo().knownObjects(known(FifoObj.of("foo", 5))).build();
    f.resync();
    assertThat(f.getByKey("foo")).extracting(Delta::type).containsExactly(DeltaType.SYNC);
  }

  /** Scenario of client-go {@code TestDeltaFIFO_DeleteExistingNonPropagated}. */
  @Test
  void delete_queuedButUnknown_isQueued() {
    DeltaFIFO<FifoObj> f = fifo().knownObjects(known()).build();
    f.add(FifoObj.of("foo", 5));
    f.delete(FifoObj.of("foo", 6));
    assertThat(f.getByKey("foo"))
        .extracting(Delta::type)
        .containsExactly(DeltaType.ADDED, DeltaType.DELETED);
  }

  /** Scenarios of client-go {@code TestDeltaFIFO_ReplaceMakesDeletions}. */
  @Test
  void replace_missingKnownKeys_queueTombstonesWithLatestObject() {
    FifoObj foo5 = FifoObj.of("foo", 5);
    FifoObj bar6 = FifoObj.of("bar", 6);
    FifoObj baz7 = FifoObj.of("baz", 7);

    DeltaFIFO<FifoObj> f = fifo().knownObjects(known(foo5, bar6, baz7)).build();
    f.delete(FifoObj.of("baz", 10));
    f.replace(List.of(foo5), "0");
    assertThat(pop(f)).containsExactly(d(DeltaType.DELETED, FifoObj.of("baz", 10)));
    assertThat(pop(f)).containsExactly(d(DeltaType.SYNC, foo5));
    assertThat(pop(f)).containsExactly(tomb("bar", bar6));

    f = fifo().knownObjects(known(foo5, bar6, baz7)).build();
    f.add(FifoObj.of("baz", 10));
    f.replace(List.of(foo5), "0");
    assertThat(pop(f))
        .containsExactly(
            d(DeltaType.ADDED, FifoObj.of("baz", 10)), tomb("baz", FifoObj.of("baz", 10)));
    assertThat(pop(f)).containsExactly(d(DeltaType.SYNC, foo5));
    assertThat(pop(f)).containsExactly(tomb("bar", bar6));

    f = fifo().knownObjects(known(foo5, bar6, baz7)).build();
    f.delete(bar6);
    f.add(FifoObj.of("bar", 100));
    f.replace(List.of(foo5), "0");
    assertThat(pop(f))
        .containsExactly(
            d(DeltaType.DELETED, bar6),
            d(DeltaType.ADDED, FifoObj.of("bar", 100)),
            tomb("bar", FifoObj.of("bar", 100)));
    assertThat(pop(f)).containsExactly(d(DeltaType.SYNC, foo5));
    assertThat(pop(f)).containsExactly(tomb("baz", baz7));

    f = fifo().knownObjects(known(foo5, bar6, baz7)).build();
    f.replace(List.of(FifoObj.of("bar", 100), foo5), "0");
    f.replace(List.of(foo5), "0");
    assertThat(pop(f))
        .containsExactly(
            d(DeltaType.SYNC, FifoObj.of("bar", 100)), tomb("bar", FifoObj.of("bar", 100)));
    assertThat(pop(f)).containsExactly(d(DeltaType.SYNC, foo5), d(DeltaType.SYNC, foo5));
    assertThat(pop(f)).containsExactly(tomb("baz", baz7));

    f = fifo().build();
    f.add(FifoObj.of("baz", 10));
    f.replace(List.of(foo5), "0");
    assertThat(pop(f))
        .containsExactly(
            d(DeltaType.ADDED, FifoObj.of("baz", 10)), tomb("baz", FifoObj.of("baz", 10)));
    assertThat(pop(f)).containsExactly(d(DeltaType.SYNC, foo5));
  }

  /** Scenario of client-go {@code TestDeltaFIFO_ReplaceMakesDeletionsReplaced}. */
  @Test
  void replace_emitDeltaTypeReplaced_emitsReplaced() {
    DeltaFIFO<FifoObj> f =
        fifo()
            .knownObjects(known(FifoObj.of("foo", 5), FifoObj.of("bar", 6), FifoObj.of("baz", 7)))
            .emitDeltaTypeReplaced(true)
            .build();
    f.delete(FifoObj.of("baz", 10));
    f.replace(List.of(FifoObj.of("foo", 6)), "0");
    assertThat(pop(f)).containsExactly(d(DeltaType.DELETED, FifoObj.of("baz", 10)));
    assertThat(pop(f)).containsExactly(d(DeltaType.REPLACED, FifoObj.of("foo", 6)));
    assertThat(pop(f)).containsExactly(tomb("bar", FifoObj.of("bar", 6)));
  }

  /** Scenario of client-go {@code TestDeltaFIFO_UpdateResyncRace}. */
  @Test
  void resync_keyWithQueuedUpdate_keepsOnlyUpdate() {
    DeltaFIFO<FifoObj> f = fifo().knownObjects(known(FifoObj.of("foo", 5))).build();
    f.update(FifoObj.of("foo", 6));
    f.resync();
    assertThat(pop(f)).containsExactly(d(DeltaType.UPDATED, FifoObj.of("foo", 6)));
  }

  /** Scenario of client-go {@code TestDeltaFIFO_HasSyncedCorrectOnDeletion}. */
  @Test
  void hasSynced_initialListWithDeletions_trueAfterLastPop() {
    DeltaFIFO<FifoObj> f =
        fifo()
            .knownObjects(known(FifoObj.of("foo", 5), FifoObj.of("bar", 6), FifoObj.of("baz", 7)))
            .build();
    f.replace(List.of(FifoObj.of("foo", 5)), "0");
    List<Boolean> initial = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertThat(f.hasSynced()).isFalse();
      f.tryPop((d, isInitial) -> initial.add(isInitial));
    }
    assertThat(initial).containsExactly(true, true, true);
    assertThat(f.hasSynced()).isTrue();
  }

  /** Scenario of client-go {@code TestDeltaFIFO_detectLineJumpers}. */
  @Test
  void add_queuedKey_keepsItsPlace() {
    DeltaFIFO<FifoObj> f = fifo().build();
    f.add(FifoObj.of("foo", 10));
    f.add(FifoObj.of("bar", 1));
    f.add(FifoObj.of("foo", 11));
    f.add(FifoObj.of("foo", 13));
    f.add(FifoObj.of("zab", 30));
    assertThat(popValue(f)).isEqualTo(13);
    f.add(FifoObj.of("foo", 14));
    assertThat(popValue(f)).isEqualTo(1);
    assertThat(popValue(f)).isEqualTo(30);
    assertThat(popValue(f)).isEqualTo(14);
  }

  /** Cases of client-go {@code TestDeltaFIFO_HasSynced}. */
  @Test
  void hasSynced_cases() {
    assertThat(fifo().build().hasSynced()).isFalse();
    DeltaFIFO<FifoObj> f = fifo().build();
    f.add(FifoObj.of("a", 1));
    assertThat(f.hasSynced()).isTrue();
    f = fifo().build();
    f.replace(List.of(), "0");
    assertThat(f.hasSynced()).isTrue();
    f = fifo().build();
    f.replace(List.of(FifoObj.of("a", 1), FifoObj.of("b", 2)), "0");
    assertThat(f.hasSynced()).isFalse();
    pop(f);
    assertThat(f.hasSynced()).isFalse();
    pop(f);
    assertThat(f.hasSynced()).isTrue();
    f = fifo().build();
    f.replace(List.of(FifoObj.of("a", 1), FifoObj.of("a", 2)), "0");
    pop(f);
    assertThat(f.hasSynced()).isTrue();
  }

  /** Scenario of client-go {@code TestDeltaFIFO_PopShouldUnblockWhenClosed}. */
  @Test
  void pop_blockedOnEmpty_returnsFalseWhenClosed() throws Exception {
    DeltaFIFO<FifoObj> f = fifo().knownObjects(known(FifoObj.of("foo", 5))).build();
    int jobs = 10;
    CountDownLatch done = new CountDownLatch(jobs);
    AtomicInteger falseCount = new AtomicInteger();
    for (int i = 0; i < jobs; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  if (!f.pop((d, initial) -> {})) {
                    falseCount.incrementAndGet();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                done.countDown();
              });
      t.setDaemon(true);
      t.start();
    }
    f.close();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> done.await());
    assertThat(falseCount).hasValue(jobs);
    assertThat(f.isClosed()).isTrue();
  }

  @Test
  void pop_processThrows_keyIsRemovedAndOtherKeysStay() {
    DeltaFIFO<FifoObj> f = fifo().build();
    f.add(FifoObj.of("a", 1));
    f.add(FifoObj.of("b", 2));
    assertThatThrownBy(
            () ->
                f.tryPop(
                    (d, i) -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(popValue(f)).isEqualTo(2);
    assertThat(f.size()).isZero();
  }

  @Test
  void pop_interrupted_throwsInterruptedException() throws Exception {
    DeltaFIFO<FifoObj> f = fifo().build();
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread t =
        new Thread(
            () -> {
              try {
                f.pop((d, i) -> {});
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
            });
    t.start();
    t.interrupt();
    t.join(10_000);
    assertThat(interrupted).isTrue();
  }

  @Test
  void build_withoutKeyFunction_failsNamingTheQueue() {
    assertThatThrownBy(() -> DeltaFIFO.<FifoObj>newBuilder().name("pods").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pods")
        .hasMessageContaining("keyFunction");
  }

  @Test
  void delete_consecutiveRealDeletes_keepsFirst() {
    DeltaFIFO<FifoObj> f = fifo().build();
    f.add(FifoObj.of("a", 1));
    f.delete(FifoObj.of("a", 2));
    f.delete(FifoObj.of("a", 3));
    assertThat(pop(f))
        .containsExactly(
            d(DeltaType.ADDED, FifoObj.of("a", 1)), d(DeltaType.DELETED, FifoObj.of("a", 2)));
  }
}
