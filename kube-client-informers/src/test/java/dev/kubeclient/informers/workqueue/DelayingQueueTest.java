package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.informers.workqueue.internal.RealDelayingQueue;
import dev.kubeclient.testing.FakeClock;
import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DelayingQueueTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeClock clock = new FakeClock();
  private final RealDelayingQueue<String> q =
      (RealDelayingQueue<String>)
          DelayingQueue.create(QueueConfig.<String>builder().clock(clock).build());

  @AfterEach
  void shutDown() {
    q.shutDown();
  }

  private void awaitLen(int n) {
    await().atMost(WAIT).until(() -> q.len() == n);
  }

  /** Asserts that nothing reaches the queue for a while: the waiting thread polls a fake clock. */
  private void assertStaysEmpty() {
    await().during(Duration.ofMillis(30)).atMost(WAIT).until(() -> q.len() == 0);
  }

  /** Scenario of client-go {@code TestSimpleQueue}. */
  @Test
  void addAfter_itemAppearsOnlyOnceItsTimeHasCome() throws Exception {
    q.addAfter("foo", Duration.ofMillis(50));
    assertThat(q.len()).isZero();
    clock.advance(Duration.ofMillis(49));
    assertStaysEmpty();
    clock.advance(Duration.ofMillis(11));
    awaitLen(1);
    q.done(q.get());
    // Past the next heartbeat: the item is not added a second time.
    clock.advance(Duration.ofSeconds(10));
    assertStaysEmpty();
  }

  /** Scenario of client-go {@code TestDeduping}. */
  @Test
  void addAfter_sameItemTwice_earlierTimeWins() throws Exception {
    q.addAfter("foo", Duration.ofMillis(50));
    q.addAfter("foo", Duration.ofMillis(70));
    assertThat(q.len()).isZero();
    clock.advance(Duration.ofMillis(60));
    awaitLen(1);
    q.done(q.get());
    clock.advance(Duration.ofMillis(20));
    assertStaysEmpty();

    // Again, with the earlier time second.
    q.addAfter("foo", Duration.ofMillis(50));
    q.addAfter("foo", Duration.ofMillis(30));
    assertThat(q.len()).isZero();
    clock.advance(Duration.ofMillis(40));
    awaitLen(1);
    q.done(q.get());
    clock.advance(Duration.ofMillis(20));
    assertStaysEmpty();
  }

  /** Scenario of client-go {@code TestAddTwoFireEarly}. */
  @Test
  void addAfter_laterItemAddedWhileWaiting_firesInTimeOrder() throws Exception {
    q.addAfter("foo", Duration.ofSeconds(1));
    q.addAfter("bar", Duration.ofMillis(50));
    assertThat(q.len()).isZero();
    clock.advance(Duration.ofMillis(60));
    awaitLen(1);
    assertThat(q.get()).isEqualTo("bar");
    q.addAfter("baz", Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(1));
    awaitLen(1);
    assertThat(q.get()).isEqualTo("foo");
    clock.advance(Duration.ofSeconds(2));
    awaitLen(1);
    assertThat(q.get()).isEqualTo("baz");
  }

  /** Scenario of client-go {@code TestCopyShifting}. */
  @Test
  void addAfter_severalReadyAtOnce_comeOutInTimeOrder() throws Exception {
    q.addAfter("foo", Duration.ofSeconds(1));
    q.addAfter("bar", Duration.ofMillis(500));
    q.addAfter("baz", Duration.ofMillis(250));
    assertThat(q.len()).isZero();
    clock.advance(Duration.ofSeconds(2));
    awaitLen(3);
    assertThat(q.get()).isEqualTo("baz");
    assertThat(q.get()).isEqualTo("bar");
    assertThat(q.get()).isEqualTo("foo");
  }

  @Test
  void addAfter_sameReadyTime_keepsInsertionOrder() throws Exception {
    for (String s : new String[] {"c", "a", "d", "b"}) {
      q.addAfter(s, Duration.ofMillis(5));
    }
    clock.advance(Duration.ofMillis(5));
    awaitLen(4);
    assertThat(new String[] {q.get(), q.get(), q.get(), q.get()})
        .containsExactly("c", "a", "d", "b");
  }

  @Test
  void addAfter_zeroOrNegativeDelay_addsAtOnceWithoutAThread() {
    q.addAfter("zero", Duration.ZERO);
    q.addAfter("negative", Duration.ofSeconds(-1));
    assertThat(q.len()).isEqualTo(2);
    assertThat(q.waitingThread()).isNull();
  }

  @Test
  void addAfter_firstDelay_startsOneNamedDaemonThreadThatShutDownEnds() {
    assertThat(q.waitingThread()).isNull();
    q.addAfter("a", Duration.ofMillis(1));
    Thread t = q.waitingThread();
    assertThat(t).isNotNull();
    assertThat(t.getName()).isEqualTo("kube-workqueue-delaying");
    assertThat(t.isDaemon()).isTrue();
    q.addAfter("b", Duration.ofMillis(2));
    assertThat(q.waitingThread()).isSameAs(t);
    q.shutDown();
    assertThat(t.isAlive()).isFalse();
    q.shutDown();
  }

  @Test
  void shutDownWithDrain_endsTheWaitingThread() throws Exception {
    q.addAfter("a", Duration.ofHours(1));
    Thread t = q.waitingThread();
    q.shutDownWithDrain();
    assertThat(t).isNotNull();
    assertThat(t.isAlive()).isFalse();
    assertThat(q.waitingCount()).isZero();
  }

  @Test
  void addAfter_afterShutDown_isIgnored() throws Exception {
    q.shutDown();
    q.addAfter("a", Duration.ZERO);
    q.addAfter("b", Duration.ofMillis(1));
    assertThat(q.len()).isZero();
    assertThat(q.waitingCount()).isZero();
    assertThat(q.waitingThread()).isNull();
    assertThat(q.get()).isNull();
  }

  @Test
  void addAfter_hugeDelay_isCappedNotOverflowed() {
    q.addAfter("never", Duration.ofSeconds(Long.MAX_VALUE));
    q.addAfter("soon", Duration.ofMillis(1));
    clock.advance(Duration.ofMillis(1));
    awaitLen(1);
    assertThat(q.waitingCount()).isEqualTo(1);
  }

  @Test
  void waitingItem_isNotRetainedAfterDone() throws Exception {
    RealDelayingQueue<Object> objects =
        (RealDelayingQueue<Object>)
            DelayingQueue.create(QueueConfig.<Object>builder().clock(clock).build());
    try {
      Object item = new byte[1024];
      WeakReference<Object> ref = new WeakReference<>(item);
      objects.addAfter(item, Duration.ofMillis(1));
      clock.advance(Duration.ofMillis(1));
      await().atMost(WAIT).until(() -> objects.len() == 1);
      objects.done(objects.get());
      item = null;
      Gc.awaitCleared(ref);
    } finally {
      objects.shutDown();
    }
  }
}
