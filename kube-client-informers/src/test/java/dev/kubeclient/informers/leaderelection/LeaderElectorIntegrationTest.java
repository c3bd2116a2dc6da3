package dev.kubeclient.informers.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.informers.leaderelection.resourcelock.LeaseLock;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.FakeClock;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.coordination.v1.Lease;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two candidates on a Lease of the embedded server. */
class LeaderElectorIntegrationTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final EmbeddedApiServer server =
      EmbeddedApiServer.newBuilder().https(false).build().start();
  private final ClientSet clientSet = ClientSet.newForConfig(server.restConfig());
  private final FakeClock clock = new FakeClock();

  /** Ten times real speed: a renewal (cold JVM included) has a real second to get through. */
  private final ClockDriver driver =
      new ClockDriver(clock, Duration.ofMillis(20), Duration.ofMillis(2)).start();

  @AfterEach
  void stop() throws InterruptedException {
    driver.close();
    clientSet.close();
    server.close();
  }

  private Candidate candidate(String identity) {
    return Candidate.awaiting(
        LeaseLock.of(clientSet, "kube-system", "ctrl", identity),
        clock,
        identity.hashCode(),
        b -> b.releaseOnCancel(true));
  }

  @Test
  void release_handsOverWithoutWaitingForTheLeaseToExpire() throws Exception {
    try (Candidate a = candidate("a").start()) {
      await().atMost(WAIT).until(a::isLeading);
      try (Candidate b = candidate("b").start()) {
        await().atMost(WAIT).until(() -> b.newLeaders.contains("a"));
        Lease held = clientSet.coordinationV1().leases("kube-system").get("ctrl");
        assertThat(held.getSpec().getHolderIdentity()).isEqualTo("a");
        assertThat(held.getSpec().getLeaseDurationSeconds()).isEqualTo(15);
        a.close();
        long released = clock.nanoTime();
        await().atMost(WAIT).until(b::isLeading);
        LeadingContext aTerm = a.terms.get(0);
        LeadingContext bTerm = b.terms.get(0);
        assertThat(bTerm.startNanos()).isGreaterThanOrEqualTo(aTerm.endNanos());
        // b takes the released lease on its next try, not a lease duration later.
        assertThat(bTerm.startNanos() - released).isLessThan(5 * SECOND);
        Lease now = clientSet.coordinationV1().leases("kube-system").get("ctrl");
        assertThat(now.getSpec().getHolderIdentity()).isEqualTo("b");
        assertThat(now.getSpec().getLeaseTransitions()).isEqualTo(1);
        await().atMost(WAIT).until(() -> b.newLeaders.contains("b"));
        assertThat(b.newLeaders).containsSubsequence("a", "b");
      }
    }
  }
}
