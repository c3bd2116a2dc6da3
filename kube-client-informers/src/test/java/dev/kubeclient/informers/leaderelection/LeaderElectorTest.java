package dev.kubeclient.informers.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.informers.leaderelection.resourcelock.LeaderElectionRecord;
import dev.kubeclient.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The elector on an in-memory lock, timed by a fake clock that runs 20 times faster than real.
 * Timing bounds that safety rests on are exact; bounds that a busy machine could stretch (a thread
 * waking late) are loose.
 */
class LeaderElectorTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final FakeClock clock = new FakeClock();
  private final FakeLock.Store store = new FakeLock.Store(clock);
  private final ClockDriver driver =
      new ClockDriver(clock, Duration.ofMillis(20), Duration.ofMillis(1)).start();
  private final List<Candidate> candidates = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    driver.pause(false);
    for (Candidate c : candidates) {
      c.close();
    }
    driver.close();
  }

  private Candidate candidate(String identity) {
    Candidate c = Candidate.awaiting(new FakeLock(store, identity), clock, identity.hashCode());
    candidates.add(c);
    return c;
  }

  private Candidate releasing(String identity) {
    Candidate c =
        Candidate.awaiting(new FakeLock(store, identity), clock, 7, b -> b.releaseOnCancel(true));
    candidates.add(c);
    return c;
  }

  private static LeaderElectionRecord held(String holder, int transitions) {
    return LeaderElectionRecord.of(holder, 15, Instant.EPOCH, transitions);
  }

  /** client-go's "acquire from no object". */
  @Test
  void run_noLockObject_createsItAndLeads() {
    Candidate c = candidate("baz").start();
    await().atMost(WAIT).until(c::isLeading);
    LeaderElectionRecord r = store.record();
    assertThat(r.holderIdentity()).isEqualTo("baz");
    assertThat(r.leaseDurationSeconds()).isEqualTo(15);
    assertThat(r.leaderTransitions()).isZero();
    assertThat(store.names()).startsWith("get", "create");
    assertThat(c.elector.isLeader()).isTrue();
    assertThat(c.elector.getLeader()).isEqualTo("baz");
  }

  /** client-go's "acquire from unled object": an empty holder can be taken at once. */
  @Test
  void run_unledObject_takesItAtOnceCountingTheTransition() {
    store.set(held("", 3));
    long begin = clock.nanoTime();
    Candidate c = candidate("baz").start();
    await().atMost(WAIT).until(c::isLeading);
    assertThat(c.terms.get(0).startNanos() - begin).isLessThan(SECOND);
    assertThat(store.record().leaderTransitions()).isEqualTo(4);
  }

  /**
   * client-go's "acquire from led, unacked object" and "don't acquire from led, acked object": a
   * holder's record that keeps changing is never taken; once it stops changing, it is taken a full
   * leaseDuration after the last change was seen.
   */
  @Test
  void run_ledObject_takenOnlyLeaseDurationAfterItStopsChanging() throws Exception {
    store.set(held("bing", 0));
    Candidate c = candidate("baz").start();
    for (int i = 0; i < 10; i++) {
      clock.sleep(Duration.ofSeconds(3));
      Instant renewed = Instant.ofEpochSecond(i);
      store.change(r -> LeaderElectionRecord.of("bing", 15, renewed, 0));
    }
    long lastChange = clock.nanoTime();
    assertThat(c.terms).isEmpty();
    await().atMost(WAIT).until(c::isLeading);
    long waited = c.terms.get(0).startNanos() - lastChange;
    // 15 s after the change was seen, which was within a jittered retry period (at most 4.4 s).
    assertThat(waited).isBetween(15 * SECOND, 15 * SECOND + 4 * 4_400_000_000L);
    assertThat(store.record().leaderTransitions()).isEqualTo(1);
    assertThat(c.newLeaders).containsExactly("bing", "baz");
  }

  /** client-go's {@code TestFastPathLeaderElection}: renewals update without reading first. */
  @Test
  void run_leading_renewsEveryRetryPeriodWithoutReading() {
    Candidate c = candidate("baz").start();
    await().atMost(WAIT).until(() -> store.count("update") >= 6);
    assertThat(store.count("get")).isEqualTo(1);
    List<FakeLock.Store.Op> updates =
        store.operations().stream().filter(o -> o.name().equals("update")).toList();
    for (int i = 1; i < updates.size(); i++) {
      assertThat(updates.get(i).nanos() - updates.get(i - 1).nanos())
          .isBetween(2 * SECOND, 10 * SECOND);
    }
    assertThat(c.isLeading()).isTrue();
  }

  /** The term ends exactly renewDeadline after the last successful renewal was sent. */
  @Test
  void run_renewalsFail_termEndsRenewDeadlineAfterTheLastSuccessfulRenewal() throws Exception {
    Candidate c = candidate("baz").start();
    await().atMost(WAIT).until(() -> store.count("update") >= 2);
    store.failAll(true);
    c.join(WAIT);
    assertThat(c.isRunning()).isFalse();
    LeadingContext term = c.terms.get(0);
    assertThat(term.isCancelled()).isTrue();
    assertThat(term.endNanos()).isEqualTo(term.deadlineNanos());
    // Exactly 10 s after it was sent, which was a little before the lock saw it.
    assertThat(term.endNanos() - store.lastSuccess("update")).isBetween(8 * SECOND, 10 * SECOND);
    assertThat(c.stopped).hasValue(1);
  }

  /** kubernetes#44887: a request that hangs does not stretch the term. */
  @Test
  void run_renewalHangs_termStillEndsAtTheDeadline() throws Exception {
    Candidate c = candidate("baz").start();
    await().atMost(WAIT).until(() -> store.count("update") >= 2);
    CountDownLatch hang = new CountDownLatch(1);
    store.hang(hang);
    try {
      c.join(WAIT);
      assertThat(c.isRunning()).isFalse();
      LeadingContext term = c.terms.get(0);
      assertThat(term.endNanos() - store.lastSuccess("update")).isLessThanOrEqualTo(10 * SECOND);
    } finally {
      hang.countDown();
    }
  }

  /** A leader that sees another holder ends its term at once, not at the deadline. */
  @Test
  void run_anotherHolderWroteTheLock_termEndsAtOnce() throws Exception {
    Candidate c = candidate("baz").start();
    await().atMost(WAIT).until(c::isLeading);
    driver.pause(true);
    store.change(
        r -> LeaderElectionRecord.of("other", 15, Instant.EPOCH, r.leaderTransitions() + 1));
    long changed = clock.nanoTime();
    driver.pause(false);
    c.join(WAIT);
    LeadingContext term = c.terms.get(0);
    assertThat(term.endNanos()).isGreaterThan(changed).isLessThan(term.deadlineNanos());
    assertThat(c.newLeaders).containsExactly("baz", "other");
  }

  /** client-go's {@code TestReleaseLeaseLeases}. */
  @Test
  void close_releaseOnCancel_givesTheLeaseUpKeepingTheTransitions() throws Exception {
    store.set(held("", 5));
    Candidate c = releasing("baz").start();
    await().atMost(WAIT).until(c::isLeading);
    c.close();
    LeaderElectionRecord r = store.record();
    assertThat(r.holderIdentity()).isEmpty();
    assertThat(r.leaseDurationSeconds()).isEqualTo(1);
    assertThat(r.leaderTransitions()).isEqualTo(6);
    assertThat(c.terms.get(0).isCancelled()).isTrue();
  }

  /** client-go's {@code TestReleaseRetriesOnConflict}. */
  @Test
  void close_releaseConflicts_readsAgainAndReleases() throws Exception {
    Candidate c = releasing("baz").start();
    await().atMost(WAIT).until(c::isLeading);
    driver.pause(true);
    int before = store.operations().size();
    store.failNext("update", FakeLock.status(409, "Conflict"));
    c.close();
    assertThat(store.names().subList(before, store.operations().size()))
        .containsExactly("get", "update", "get", "update");
    assertThat(store.record().holderIdentity()).isEmpty();
  }

  /** Unlike client-go, release reads the lock first and leaves another holder's record alone. */
  @Test
  void close_anotherHolderMeanwhile_doesNotRelease() throws Exception {
    Candidate c = releasing("baz").start();
    await().atMost(WAIT).until(c::isLeading);
    driver.pause(true);
    store.change(r -> held("other", 1));
    int before = store.operations().size();
    c.close();
    assertThat(store.record().holderIdentity()).isEqualTo("other");
    assertThat(store.names().subList(before, store.operations().size())).containsExactly("get");
  }

  @Test
  void close_leaderWorkIgnoresCancellation_skipsTheRelease() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean cancelSeen = new AtomicBoolean();
    Candidate c =
        new Candidate(
            new FakeLock(store, "baz"),
            clock,
            3,
            b -> b.releaseOnCancel(true),
            ctx -> {
              while (done.getCount() > 0) {
                try {
                  done.await();
                } catch (InterruptedException e) {
                  cancelSeen.set(ctx.isCancelled());
                }
              }
            });
    candidates.add(c);
    c.start();
    await().atMost(WAIT).until(c::isLeading);
    c.close();
    assertThat(cancelSeen).isTrue();
    assertThat(store.record().holderIdentity()).isEqualTo("baz");
    done.countDown();
  }

  /** client-go: OnStoppedLeading is called even when the candidate never led. */
  @Test
  void close_neverLed_stillCallsOnStoppedLeading() throws Exception {
    store.set(held("bing", 0));
    Candidate c = candidate("baz").start();
    await().atMost(WAIT).until(() -> store.count("get") >= 2);
    c.close();
    assertThat(c.terms).isEmpty();
    assertThat(c.stopped).hasValue(1);
    assertThat(c.newLeaders).containsExactly("bing");
  }

  @Test
  void run_acquireRetries_areRetryPeriodApartStretchedByUpTo120Percent() {
    store.set(LeaderElectionRecord.of("bing", 3600, Instant.EPOCH, 0));
    candidate("baz").start();
    await().atMost(WAIT).until(() -> store.count("get") >= 8);
    List<FakeLock.Store.Op> gets = store.operations();
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < gets.size(); i++) {
      gaps.add(gets.get(i).nanos() - gets.get(i - 1).nanos());
    }
    assertThat(gaps).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(2 * SECOND));
    assertThat(gaps.stream().filter(g -> g <= 4_400_000_000L + SECOND / 5).count())
        .as("most within the 120%% jitter")
        .isGreaterThanOrEqualTo(gaps.size() / 2);
    assertThat(gaps.stream().distinct().count()).as("jittered").isGreaterThan(3);
  }

  @Test
  void lifecycle_runTwiceOrAfterClose_isRejected() throws Exception {
    Candidate c = candidate("baz").start();
    await().atMost(WAIT).until(c::isLeading);
    assertThatThrownBy(c.elector::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("leader elector fake/lock already RUNNING");
    c.close();
    c.close();
    LeaderElector never = candidate("qux").elector;
    never.close();
    assertThatThrownBy(never::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("leader elector fake/lock already STOPPED");
  }

  @Test
  void run_interrupted_stopsLikeCloseAndKeepsTheFlag() throws Exception {
    Candidate c = candidate("baz");
    AtomicBoolean flag = new AtomicBoolean();
    Thread t =
        new Thread(
            () -> {
              c.elector.run();
              flag.set(Thread.currentThread().isInterrupted());
            });
    t.start();
    await().atMost(WAIT).until(c::isLeading);
    t.interrupt();
    t.join(WAIT.toMillis());
    assertThat(t.isAlive()).isFalse();
    assertThat(flag).isTrue();
    assertThat(c.terms.get(0).isCancelled()).isTrue();
    assertThat(c.stopped).hasValue(1);
  }
}
