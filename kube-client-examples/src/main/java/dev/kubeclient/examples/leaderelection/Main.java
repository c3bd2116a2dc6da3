package dev.kubeclient.examples.leaderelection;

import dev.kubeclient.examples.ClusterConnection;
import dev.kubeclient.examples.ExampleArgs;
import dev.kubeclient.examples.Examples;
import dev.kubeclient.examples.StopSignal;
import dev.kubeclient.typed.ClientSet;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Leader election on a Lease: client-go's leader-election example. Each candidate campaigns for the
 * Lease; one leads, and when it stops (Ctrl-C) it releases the lease and another takes over.
 *
 * <p>Against a cluster, run it in several terminals with different {@code --id}s and stop the
 * leader. With {@code --candidates N} (the default against the embedded server is 3) one process
 * runs N candidates, each with a client of its own; once one leads, the example stops it, as Ctrl-C
 * would stop its process, and shows another take over.
 *
 * <p>Options besides the common ones: {@code --id} (default a random UUID), {@code
 * --lease-lock-name} (default {@code example-lease}), {@code --lease-lock-namespace} (default the
 * namespace), {@code --candidates N}, and {@code --lease-duration}, {@code --renew-deadline},
 * {@code --retry-period} (default 15s, 10s, 2s, the durations of Kubernetes' own components).
 */
public final class Main {
  private static final Duration POLL = Duration.ofMillis(50);

  private Main() {}

  /** Runs the example. */
  public static void main(String[] args) {
    Examples.runMain(Main::run, List.of(args));
  }

  /** Runs the example, printing to {@code out}, until {@code stop} is raised. */
  public static void run(List<String> args, PrintStream out, StopSignal stop)
      throws InterruptedException {
    ExampleArgs options =
        ExampleArgs.parse(
            args,
            Set.of(
                "id",
                "lease-lock-name",
                "lease-lock-namespace",
                "candidates",
                "lease-duration",
                "renew-deadline",
                "retry-period"),
            Set.of());
    stop.stopAfter(options.runFor());
    Candidate.Timing timing =
        new Candidate.Timing(
            options.duration("lease-duration", Duration.ofSeconds(15)),
            options.duration("renew-deadline", Duration.ofSeconds(10)),
            options.duration("retry-period", Duration.ofSeconds(2)));
    String leaseName = options.value("lease-lock-name", "example-lease");
    try (ClusterConnection connection = ClusterConnection.connect(options, out)) {
      String namespace = options.value("lease-lock-namespace", connection.namespace());
      int count = options.intValue("candidates", connection.isEmbedded() ? 3 : 1);
      String id = options.value("id", UUID.randomUUID().toString());
      List<ClientSet> clients = new ArrayList<>();
      List<Candidate> candidates = new ArrayList<>();
      try {
        for (int i = 1; i <= count; i++) {
          // Each candidate has its own client, as separate processes would.
          ClientSet clientSet = ClientSet.newForConfig(connection.config());
          clients.add(clientSet);
          String candidateId = count == 1 ? id : id + "-" + i;
          candidates.add(new Candidate(candidateId, clientSet, namespace, leaseName, timing, out));
        }
        out.printf(
            "%d candidate(s) campaigning for the Lease %s/%s%n", count, namespace, leaseName);
        candidates.forEach(Candidate::start);
        if (count > 1) {
          handOver(candidates, out, stop);
        }
        while (!stop.sleep(POLL)) {
          if (candidates.stream().allMatch(Candidate::isStopped)) {
            stop.stop("every candidate stopped");
          }
        }
        out.printf("Stopping (%s)%n", stop.reason());
      } finally {
        // Followers first: stopped after the leader, one of them would take the released lease.
        for (Candidate c : candidates) {
          if (!c.isLeading()) {
            c.stop();
          }
        }
        for (Candidate c : candidates) {
          c.stop();
        }
        clients.forEach(ClientSet::close);
      }
    }
  }

  /** Waits for a leader, stops it as Ctrl-C would, and waits for another to take over. */
  private static void handOver(List<Candidate> candidates, PrintStream out, StopSignal stop)
      throws InterruptedException {
    Candidate first = awaitLeader(candidates, stop);
    if (first == null) {
      return;
    }
    out.printf("Stopping the leader %s, as Ctrl-C would stop its process%n", first.id());
    first.stop();
    Candidate next = awaitLeader(candidates, stop);
    if (next != null) {
      out.printf("Leadership moved from %s to %s%n", first.id(), next.id());
    }
  }

  private static @Nullable Candidate awaitLeader(List<Candidate> candidates, StopSignal stop)
      throws InterruptedException {
    do {
      for (Candidate c : candidates) {
        if (c.isLeading()) {
          return c;
        }
      }
    } while (!stop.sleep(POLL));
    return null;
  }
}
