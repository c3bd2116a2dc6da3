package dev.kubeclient.informers.leaderelection;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;
import static dev.kubeclient.core.internal.Preconditions.checkState;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.retry.Backoff;
import dev.kubeclient.informers.leaderelection.internal.RequestThread;
import dev.kubeclient.informers.leaderelection.resourcelock.LeaderElectionRecord;
import dev.kubeclient.informers.leaderelection.resourcelock.ResourceLock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among candidates sharing a {@link ResourceLock} (client-go's {@code
 * LeaderElector}): at most one of them believes it leads at any time, as long as their clocks run
 * at about the same rate.
 *
 * <pre>{@code
 * LeaderElector elector = new LeaderElector(LeaderElectionConfig.builder()
 *     .lock(LeaseLock.of(clientSet, "kube-system", "my-controller", podName))
 *     .releaseOnCancel(true)
 *     .callbacks(LeaderCallbacks.of(ctx -> runController(ctx), () -> log.info("stopped")))
 *     .build());
 * elector.run();   // blocks until leadership is lost or elector.close() is called
 * }</pre>
 *
 * <p>Design notes. Time is measured only on the injected {@link Clock}'s monotonic nanoseconds; the
 * timestamps in the record come from other machines and are only compared for change.
 *
 * <ul>
 *   <li>Acquiring: a candidate reads the record; if another holder's record has not changed for its
 *       leaseDuration since this candidate first saw it, the candidate writes itself in with the
 *       resourceVersion it read, so of several racing candidates one wins and the others get a
 *       Conflict. Tries are retryPeriod apart, stretched by up to {@link
 *       LeaderElectionConfig#JITTER_FACTOR} at random.
 *   <li>Leading: every retryPeriod after the previous try the leader writes a new renewTime, first
 *       optimistically with the Lease it last wrote, else after a fresh read. Its term ends
 *       renewDeadline after the last successful renewal was <em>sent</em>: a candidate can only
 *       take over leaseDuration after it saw that renewal, which was after it was sent, so the
 *       terms cannot overlap. The end is enforced by the clock: requests run on a helper thread and
 *       a request still running at the deadline is abandoned (a hung request does not stretch the
 *       term, kubernetes#44887), and {@link LeadingContext#isCancelled()} turns true at the
 *       deadline by itself.
 * </ul>
 *
 * <p>Where this differs from client-go, each time to keep terms apart: client-go gives a leader
 * renewDeadline from the start of a round that begins retryPeriod after the last success
 * <em>returned</em>, so a slow response can push the end past what others wait; here the term is
 * counted from when the renewal was sent. A leader that sees another holder ends its term at once
 * instead of at the deadline. Release reads the lock and gives it up only if it still names this
 * candidate (client-go trusts its last observation) and only after onStartedLeading returned.
 *
 * <p>Lifecycle: new → running ({@link #run()}) → stopped. {@code run()} runs once; {@link #close()}
 * may come from any thread, at any time, and is idempotent. Threads: the caller's thread runs the
 * loop; the config's thread factory makes one request thread, one thread for {@link
 * LeaderCallbacks#onNewLeader} and one per term for {@link LeaderCallbacks#onStartedLeading}. The
 * candidate's identity must be unique: two electors with one identity count as one candidate.
 */
public final class LeaderElector implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderElector.class);

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  /** A record and the clock time it was first seen, immutable so that readers need no lock. */
  private record Observation(LeaderElectionRecord record, long nanos) {}

  private final LeaderElectionConfig config;
  private final ResourceLock lock;
  private final Clock clock;
  private final String identity;
  private final String desc;
  private final long renewDeadlineNanos;
  private final long retryPeriodNanos;
  private final ReentrantLock stateLock = new ReentrantLock();

  /** Signalled when run ends. */
  private final Condition stopped = stateLock.newCondition();

  /** Guarded by {@code stateLock}. */
  private State state = State.NEW;

  /** The thread in {@link #run()}. Guarded by {@code stateLock}. */
  private @Nullable Thread runThread;

  /** Made when run() starts. Guarded by {@code stateLock}. */
  private @Nullable RequestThread requests;

  private volatile boolean leadingThreadDone;

  private volatile @Nullable Observation observation;

  // Confined to the thread in run().
  private String reportedLeader = "";
  private @Nullable ExecutorService notifications;

  /** An elector with {@code config}; nothing runs until {@link #run()}. */
  public LeaderElector(LeaderElectionConfig config) {
    this.config = checkNotNull(config, "config");
    this.lock = config.lock();
    this.clock = config.clock();
    this.identity = lock.identity();
    this.desc = lock.describe();
    this.renewDeadlineNanos = config.renewDeadline().toNanos();
    this.retryPeriodNanos = config.retryPeriod().toNanos();
  }

  /**
   * Campaigns, leads, and returns when leadership is lost or {@link #close()} is called
   * (client-go's {@code Run}). Calls {@link LeaderCallbacks#onStoppedLeading()} before returning,
   * always. Interrupting the calling thread acts as {@code close()}.
   *
   * @throws IllegalStateException when run before, or closed before it ran
   */
  public void run() {
    RequestThread r;
    stateLock.lock();
    try {
      checkState(state == State.NEW, "leader elector %s already %s", desc, state);
      state = State.RUNNING;
      runThread = Thread.currentThread();
      r = new RequestThread(clock, config.threadFactory());
      requests = r;
    } finally {
      stateLock.unlock();
    }
    notifications = Executors.newSingleThreadExecutor(config.threadFactory());
    try {
      LeadingContext ctx = acquire(r);
      if (ctx != null) {
        lead(r, ctx);
      }
    } finally {
      r.shutdown();
      notifications.shutdown();
      try {
        config.callbacks().onStoppedLeading();
      } catch (RuntimeException e) {
        log.error("onStoppedLeading of {} failed", desc, e);
      }
      stateLock.lock();
      try {
        state = State.STOPPED;
        stopped.signalAll();
        if (r.wasInterrupted()) {
          Thread.currentThread().interrupt();
        }
      } finally {
        stateLock.unlock();
      }
    }
  }

  /**
   * Stops campaigning or leading; with releaseOnCancel, gives the lease up. Blocks until {@link
   * #run()} has returned (which needs the config's clock to move, for a fake one). Idempotent; a
   * closed elector that never ran cannot run.
   */
  @Override
  public void close() {
    stateLock.lock();
    try {
      if (state == State.NEW) {
        state = State.STOPPED;
        return;
      }
      RequestThread r = requests;
      if (r != null) {
        r.cancel();
      }
      if (runThread == Thread.currentThread()) {
        return;
      }
      while (state != State.STOPPED) {
        stopped.awaitUninterruptibly();
      }
    } finally {
      stateLock.unlock();
    }
  }

  /**
   * The identity of the last observed holder, empty when none was observed (client-go's GetLeader).
   */
  public String getLeader() {
    Observation o = observation;
    return o == null ? "" : o.record().holderIdentity();
  }

  /**
   * Whether the last observed holder is this candidate (client-go's IsLeader). This is what the
   * elector last saw, not whether its term goes on: ask the {@link LeadingContext} for that.
   */
  public boolean isLeader() {
    return identity.equals(getLeader());
  }

  private void lead(RequestThread r, LeadingContext ctx) {
    Thread leader =
        config
            .threadFactory()
            .newThread(
                () -> {
                  try {
                    config.callbacks().onStartedLeading(ctx);
                  } catch (RuntimeException e) {
                    log.error("onStartedLeading of {} failed", desc, e);
                  } finally {
                    leadingThreadDone = true;
                    r.signal();
                  }
                });
    ctx.onCancel(leader::interrupt);
    leader.start();
    boolean closed = renew(r, ctx);
    ctx.cancel();
    boolean returned = r.awaitUntil(() -> leadingThreadDone, clock.nanoTime() + renewDeadlineNanos);
    if (closed && config.releaseOnCancel()) {
      if (returned) {
        release(r);
      } else {
        log.warn(
            "not releasing lease {}: onStartedLeading has not returned {} after cancellation",
            desc,
            config.renewDeadline());
      }
    }
  }

  /** Tries until the lease is acquired (a new term) or the elector is closed (null). */
  private @Nullable LeadingContext acquire(RequestThread r) {
    log.info("attempting to acquire leader lease {} as {}", desc, identity);
    while (!r.isCancelled()) {
      Long sent;
      try {
        sent = tryAcquireOrRenew(r, RequestThread.NONE);
      } catch (RequestThread.Abandoned e) {
        return null;
      }
      maybeReportTransition();
      if (sent != null) {
        long now = clock.nanoTime();
        long deadline = sent + renewDeadlineNanos;
        if (now - deadline < 0) {
          lock.recordEvent("became leader");
          log.info("successfully acquired lease {} as {}", desc, identity);
          return new LeadingContext(clock, now, deadline);
        }
        log.warn("acquired lease {} but heard back after the renew deadline; trying again", desc);
      } else {
        log.debug("failed to acquire lease {}", desc);
      }
      Duration wait =
          Backoff.jitter(config.retryPeriod(), LeaderElectionConfig.JITTER_FACTOR, config.random());
      if (!r.sleepUntil(clock.nanoTime() + wait.toNanos())) {
        return null;
      }
    }
    return null;
  }

  /** Renews until the term ends; true when it ended because the elector was closed. */
  private boolean renew(RequestThread r, LeadingContext ctx) {
    try {
      while (true) {
        long next = clock.nanoTime() + retryPeriodNanos;
        long deadline = ctx.deadlineNanos();
        if (!r.sleepUntil(next - deadline < 0 ? next : deadline)) {
          return true;
        }
        if (ctx.isCancelled()) {
          log.info("failed to renew lease {} before the renew deadline", desc);
          return false;
        }
        Long sent;
        try {
          sent = tryAcquireOrRenew(r, ctx.deadlineNanos());
        } catch (RequestThread.Abandoned e) {
          if (r.isCancelled()) {
            return true;
          }
          log.info("failed to renew lease {}: no answer before the renew deadline", desc);
          return false;
        }
        maybeReportTransition();
        if (sent != null) {
          if (!ctx.extendTo(sent + renewDeadlineNanos)) {
            log.info("renewed lease {} only after the renew deadline had passed", desc);
            return false;
          }
          log.trace("renewed lease {}", desc);
        } else if (!isLeader()) {
          log.info("lease {} is held by {} now", desc, getLeader());
          return false;
        }
      }
    } finally {
      lock.recordEvent("stopped leading");
    }
  }

  /**
   * client-go's {@code tryAcquireOrRenew}: one attempt to acquire the lease or to renew it.
   *
   * @param deadline clock time after which a request is abandoned ({@link RequestThread#NONE}:
   *     none)
   * @return the clock time the successful write was sent, or null when the attempt failed
   */
  private @Nullable Long tryAcquireOrRenew(RequestThread r, long deadline)
      throws RequestThread.Abandoned {
    long nowNanos = clock.nanoTime();
    Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
    int leaseSeconds = (int) config.leaseDuration().getSeconds();
    LeaderElectionRecord desired = LeaderElectionRecord.of(identity, leaseSeconds, now, 0);

    // 1. The leader's fast path: update the Lease it last wrote, assuming nobody else did.
    Observation seen = observation;
    if (isLeader() && seen != null && isLeaseValid(seen, nowNanos)) {
      LeaderElectionRecord renewal =
          desired.withAcquireTimeAndTransitions(
              seen.record().acquireTime(), seen.record().leaderTransitions());
      long sent = clock.nanoTime();
      try {
        r.run(() -> lock.update(renewal), deadline, true);
        setObserved(renewal);
        return sent;
      } catch (RuntimeException e) {
        log.debug("failed to update lease {} optimistically, reading it: {}", desc, e.toString());
      }
    }

    // 2. Read the record, or create the lock.
    LeaderElectionRecord old;
    try {
      old = r.call(lock::get, deadline, true);
    } catch (RuntimeException e) {
      if (!Errors.isNotFound(e)) {
        log.warn("error retrieving lease lock {}: {}", desc, e.toString());
        return null;
      }
      long sent = clock.nanoTime();
      try {
        r.run(() -> lock.create(desired), deadline, true);
      } catch (RuntimeException ce) {
        log.warn("error initially creating lease lock {}: {}", desc, ce.toString());
        return null;
      }
      setObserved(desired);
      return sent;
    }

    // 3. A change restarts the clock on the holder's lease.
    seen = observation;
    if (seen == null || !seen.record().equals(old)) {
      setObserved(old);
      seen = observation;
    }
    if (!old.holderIdentity().isEmpty() && isLeaseValid(seen, nowNanos) && !isLeader()) {
      log.trace("lease {} is held by {} and has not yet expired", desc, old.holderIdentity());
      return null;
    }

    // 4. Take or renew it, on the condition that nobody wrote since the read.
    LeaderElectionRecord next =
        isLeader()
            ? desired.withAcquireTimeAndTransitions(old.acquireTime(), old.leaderTransitions())
            : desired.withAcquireTimeAndTransitions(now, old.leaderTransitions() + 1);
    long sent = clock.nanoTime();
    try {
      r.run(() -> lock.update(next), deadline, true);
    } catch (RuntimeException e) {
      log.warn("failed to update lease {}: {}", desc, e.toString());
      return null;
    }
    setObserved(next);
    return sent;
  }

  /** client-go's {@code release}: gives the lease up if this candidate still holds it. */
  private void release(RequestThread r) {
    long deadline = clock.nanoTime() + renewDeadlineNanos;
    try {
      while (true) {
        LeaderElectionRecord old;
        try {
          old = r.call(lock::get, deadline, false);
        } catch (RuntimeException e) {
          log.warn("cannot release lease {}: {}", desc, e.toString());
          return;
        }
        if (!identity.equals(old.holderIdentity())) {
          log.debug("lease {} is not held by {}; nothing to release", desc, identity);
          return;
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
        LeaderElectionRecord released =
            new LeaderElectionRecord("", 1, now, now, old.leaderTransitions(), null, null);
        try {
          r.run(() -> lock.update(released), deadline, false);
        } catch (RuntimeException e) {
          if (Errors.isConflict(e)) {
            log.debug("conflict when releasing lease {}, retrying", desc);
            continue;
          }
          log.warn("failed to release lease {}: {}", desc, e.toString());
          return;
        }
        setObserved(released);
        log.info("released lease {}", desc);
        return;
      }
    } catch (RequestThread.Abandoned e) {
      log.warn("gave up releasing lease {} after {}", desc, config.renewDeadline());
    }
  }

  private void maybeReportTransition() {
    String holder = getLeader();
    if (holder.equals(reportedLeader)) {
      return;
    }
    reportedLeader = holder;
    ExecutorService n = notifications;
    if (n != null) {
      n.execute(
          () -> {
            try {
              config.callbacks().onNewLeader(holder);
            } catch (RuntimeException e) {
              log.error("onNewLeader of {} failed", desc, e);
            }
          });
    }
  }

  private boolean isLeaseValid(Observation seen, long nowNanos) {
    long duration = seen.record().leaseDurationSeconds() * 1_000_000_000L;
    return seen.nanos() + duration - nowNanos > 0;
  }

  private void setObserved(LeaderElectionRecord record) {
    observation = new Observation(record, clock.nanoTime());
  }

  @Override
  public String toString() {
    return "LeaderElector{" + desc + ", identity=" + identity + ", leader=" + getLeader() + "}";
  }
}
