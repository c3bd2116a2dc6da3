package dev.kubeclient.examples.leaderelection;

import dev.kubeclient.informers.leaderelection.LeaderCallbacks;
import dev.kubeclient.informers.leaderelection.LeaderElectionConfig;
import dev.kubeclient.informers.leaderelection.LeaderElector;
import dev.kubeclient.informers.leaderelection.LeadingContext;
import dev.kubeclient.informers.leaderelection.resourcelock.LeaseLock;
import dev.kubeclient.typed.ClientSet;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One replica of a controller campaigning for a Lease, as one process of client-go's
 * leader-election example: while it leads, it runs the "controller loop"; when it stops, it gives
 * the lease up ({@code releaseOnCancel}) so that another replica takes over at once rather than
 * after the lease expires.
 *
 * <p>Lifecycle: {@link #start()} campaigns on a thread of its own, {@link #stop()} (as Ctrl-C
 * would) ends the term, releases the lease and waits. Safe for concurrent use.
 */
final class Candidate {
  private final String id;
  private final PrintStream out;
  private final LeaderElector elector;
  private final AtomicBoolean startedLeading = new AtomicBoolean();
  private volatile boolean stopping;
  private final Thread thread;

  /**
   * A candidate {@code id} for the Lease {@code namespace/leaseName}, with the given lease
   * duration, renew deadline and retry period.
   */
  Candidate(
      String id,
      ClientSet clientSet,
      String namespace,
      String leaseName,
      Timing timing,
      PrintStream out) {
    this.id = id;
    this.out = out;
    // A Lease rather than a ConfigMap or Endpoints: few clients watch all Leases, so renewals
    // disturb little. Conflicting writes are detected through the Lease's resourceVersion.
    this.elector =
        new LeaderElector(
            LeaderElectionConfig.builder()
                .lock(LeaseLock.of(clientSet, namespace, leaseName, id))
                // IMPORTANT: the leader's work must have stopped before the lease is released,
                // or another replica could start while it still runs. onStartedLeading below
                // returns only when its term is over, and the elector releases only after that.
                .releaseOnCancel(true)
                .leaseDuration(timing.leaseDuration())
                .renewDeadline(timing.renewDeadline())
                .retryPeriod(timing.retryPeriod())
                .name(id)
                .callbacks(LeaderCallbacks.of(this::lead, this::stoppedLeading, this::newLeader))
                .build());
    this.thread = new Thread(this::campaign, "candidate-" + id);
    thread.setDaemon(true);
  }

  /**
   * How long others wait for a silent leader, how long a leader tries to renew, and how often
   * candidates try.
   */
  record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {}

  /** Starts campaigning. */
  void start() {
    thread.start();
  }

  /** Ends the term (releasing the lease) or the campaign, and waits for it. */
  void stop() throws InterruptedException {
    stopping = true;
    elector.close();
    thread.join();
  }

  /** Whether this candidate leads now and its controller loop has started. */
  boolean isLeading() {
    return startedLeading.get() && elector.isLeader();
  }

  /** Whether the candidate has ended (stopped, or lost its lease). */
  boolean isStopped() {
    return !thread.isAlive();
  }

  String id() {
    return id;
  }

  private void campaign() {
    try {
      elector.run();
    } catch (IllegalStateException e) {
      // Stopped so early that the elector was closed before it ran: nothing to do. Any other
      // cause is a bug worth seeing.
      if (!stopping) {
        throw e;
      }
    }
  }

  private void lead(LeadingContext context) {
    // This is where a controller starts its informers and workers: see the CRD controller.
    out.printf("%s: started leading; controller loop...%n", id);
    startedLeading.set(true);
    try {
      context.await();
    } catch (InterruptedException e) {
      // The term ended: the elector interrupts the leading thread.
      Thread.currentThread().interrupt();
    }
    // Returning lets the elector release the lease: nothing of the leader's work may still run.
    out.printf("%s: controller loop stopped%n", id);
  }

  private void stoppedLeading() {
    // Called whenever the elector stops, whether or not it ever led, after the lease was
    // released: another replica may lead already, so cleanup here must not need the lease.
    if (startedLeading.get()) {
      out.printf("%s: leader lost; cleaning up%n", id);
    } else {
      out.printf("%s: stopped without having led; nothing to clean up%n", id);
    }
  }

  private void newLeader(String identity) {
    if (identity.equals(id)) {
      return; // We just got the lease: lead() says so.
    }
    if (identity.isEmpty()) {
      out.printf("%s: the lease was released%n", id);
    } else {
      out.printf("%s: new leader elected: %s%n", id, identity);
    }
  }
}
