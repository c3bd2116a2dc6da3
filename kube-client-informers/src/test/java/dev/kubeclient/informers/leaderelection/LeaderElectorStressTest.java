package dev.kubeclient.informers.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.informers.leaderelection.resourcelock.LeaseLock;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.FakeClock;
import dev.kubeclient.testing.NetworkPartition;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.coordination.v1.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Five candidates campaign for one Lease of the embedded server while the test injects faults:
 * 500s, conflicting writes to the Lease, slow responses, and partitions that cut the current leader
 * off (its requests fail or hang). Every term any candidate believed in is recorded on the shared
 * fake clock, and no two may overlap. Twenty seeds, each about two minutes of fake time.
 *
 * <p>The fake clock runs freely (about 100 times real speed) while requests take real time, so a
 * slow response is a very slow one in fake time: that is the point. Terms are recorded exactly (a
 * term's end is its deadline, or the moment it was cancelled), independent of thread scheduling.
 */
class LeaderElectorStressTest {
  private static final int SEEDS = 20;
  private static final int CANDIDATES = 5;
  private static final long SECOND = 1_000_000_000L;
  private static final Duration SEED_LENGTH = Duration.ofSeconds(120);

  private static EmbeddedApiServer server;
  private static ClientSet admin;

  /** One term of one candidate, on the fake clock. */
  private record Term(String identity, long start, long end) {}

  /** A partition of a leader: when it began and who was cut off. */
  private record Partition(String identity, long start, long end) {}

  @BeforeAll
  static void startServer() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    admin = ClientSet.newForConfig(server.restConfig());
  }

  @AfterAll
  static void stopServer() {
    admin.close();
    server.close();
  }

  @Test
  void candidates_underFaultsAndPartitions_neverLeadAtTheSameTime() {
    List<Integer> termsPerSeed = new ArrayList<>();
    assertTimeoutPreemptively(
        Duration.ofMinutes(3),
        () -> {
          for (int seed = 0; seed < SEEDS; seed++) {
            termsPerSeed.add(runSeed(seed));
          }
        });
    assertThat(termsPerSeed).hasSize(SEEDS).allSatisfy(n -> assertThat(n).isPositive());
  }

  /** Runs one seed and checks its terms; returns how many terms there were. */
  private int runSeed(int seed) throws Exception {
    Random random = new Random(seed);
    FakeClock clock = new FakeClock();
    String leaseName = "stress-" + seed;
    List<Term> terms = new CopyOnWriteArrayList<>();
    List<Partition> partitions = new ArrayList<>();
    List<Campaigner> campaigners = new ArrayList<>();
    try (ClockDriver driver =
        new ClockDriver(clock, Duration.ofMillis(100), Duration.ofMillis(1)).start()) {
      for (int i = 0; i < CANDIDATES; i++) {
        campaigners.add(new Campaigner("c" + i, leaseName, clock, seed * 31L + i, terms).start());
      }
      long end = clock.nanoTime() + SEED_LENGTH.toNanos();
      Campaigner partitioned = null;
      long healAt = 0;
      long undelayAt = Long.MAX_VALUE;
      while (clock.nanoTime() - end < 0) {
        clock.sleep(Duration.ofMillis(2000 + random.nextInt(3000)));
        long now = clock.nanoTime();
        if (partitioned != null && now - healAt >= 0) {
          partitioned.net.heal();
          partitions.add(
              new Partition(
                  partitioned.identity, partitions.remove(partitions.size() - 1).start(), now));
          partitioned = null;
        }
        if (now - undelayAt >= 0) {
          server.faults().delayResponses(Duration.ZERO);
          undelayAt = Long.MAX_VALUE;
        }
        int action = random.nextInt(10);
        if (action < 3) {
          server.faults().failNext(1 + random.nextInt(3), 500);
        } else if (action < 5) {
          touchLease(leaseName, random.nextInt(1000));
        } else if (action < 6 && undelayAt == Long.MAX_VALUE) {
          server.faults().delayResponses(Duration.ofMillis(20 + random.nextInt(120)));
          undelayAt = now + 3 * SECOND;
        } else if (action < 8 && partitioned == null) {
          Campaigner leader = currentLeader(campaigners);
          if (leader != null) {
            partitioned = leader;
            healAt = now + (20 + random.nextInt(15)) * SECOND;
            partitions.add(new Partition(leader.identity, clock.nanoTime(), Long.MAX_VALUE));
            if (random.nextBoolean()) {
              leader.net.cut();
            } else {
              leader.net.blackhole();
            }
          }
        }
      }
      server.faults().reset();
      if (partitioned != null) {
        partitioned.net.heal();
      }
      for (Campaigner c : campaigners) {
        c.stop();
      }
      driver.pause(false);
    } finally {
      server.faults().reset();
      for (Campaigner c : campaigners) {
        c.close();
      }
    }
    assertNoOverlap(seed, terms);
    assertPartitionedLeadersStepDown(seed, terms, partitions);
    return terms.size();
  }

  private static void assertNoOverlap(int seed, List<Term> terms) {
    List<Term> sorted = new ArrayList<>(terms);
    sorted.sort(Comparator.comparingLong(Term::start));
    for (int i = 1; i < sorted.size(); i++) {
      Term previous = sorted.get(i - 1);
      Term next = sorted.get(i);
      assertThat(next.start())
          .as("seed %s: %s began before %s ended", seed, next, previous)
          .isGreaterThanOrEqualTo(previous.end());
    }
  }

  /**
   * A leader cut off stops believing it leads at most renewDeadline after the partition began (its
   * last renewal was sent before).
   */
  private static void assertPartitionedLeadersStepDown(
      int seed, List<Term> terms, List<Partition> partitions) {
    for (Partition p : partitions) {
      for (Term t : terms) {
        if (t.identity().equals(p.identity())
            && t.start() - p.start() < 0
            && t.end() - p.start() > 0) {
          assertThat(t.end() - p.start())
              .as("seed %s: %s partitioned at %s", seed, t, p.start())
              .isLessThanOrEqualTo(10 * SECOND);
        }
      }
    }
  }

  private static Campaigner currentLeader(List<Campaigner> campaigners) {
    for (Campaigner c : campaigners) {
      LeadingContext ctx = c.current;
      if (ctx != null && !ctx.isCancelled()) {
        return c;
      }
    }
    return null;
  }

  /** A write to the Lease that changes its resourceVersion but not its record: a 409 for others. */
  private static void touchLease(String name, int value) {
    try {
      Lease l = admin.coordinationV1().leases("default").get(name);
      l.getMetadata().setLabels(Map.of("touched", Integer.toString(value)));
      admin.coordinationV1().leases("default").update(l);
    } catch (RuntimeException e) {
      // Not created yet, or a candidate wrote first: either way no harm.
    }
  }

  /** A candidate that campaigns again each time its elector returns, until stopped. */
  private static final class Campaigner implements AutoCloseable {
    final String identity;
    final NetworkPartition net;
    final ClientSet clientSet;
    private final String leaseName;
    private final FakeClock clock;
    private final long seed;
    private final List<Term> terms;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile LeaderElector elector;
    volatile LeadingContext current;

    Campaigner(String identity, String leaseName, FakeClock clock, long seed, List<Term> terms) {
      this.identity = identity;
      this.leaseName = leaseName;
      this.clock = clock;
      this.seed = seed;
      this.terms = terms;
      this.net = NetworkPartition.start(server.url());
      this.clientSet =
          ClientSet.newForConfig(
              net.restConfig(server.restConfig())
                  .newBuilder()
                  .requestTimeout(Duration.ofSeconds(2))
                  .build());
      this.thread = new Thread(this::campaign, "campaigner-" + identity);
      thread.setDaemon(true);
    }

    Campaigner start() {
      thread.start();
      return this;
    }

    private void campaign() {
      int round = 0;
      while (!stopped) {
        LeaderElector e =
            new LeaderElector(
                LeaderElectionConfig.builder()
                    .lock(LeaseLock.of(clientSet, "default", leaseName, identity))
                    .clock(clock)
                    .random(new Random(seed * 1000 + round++))
                    .releaseOnCancel(round % 2 == 0)
                    .callbacks(
                        LeaderCallbacks.of(
                            ctx -> {
                              current = ctx;
                              ctx.onCancel(
                                  () ->
                                      terms.add(
                                          new Term(identity, ctx.startNanos(), ctx.endNanos())));
                              try {
                                ctx.await();
                              } catch (InterruptedException ie) {
                                Thread.currentThread().interrupt();
                              }
                            },
                            () -> {}))
                    .build());
        elector = e;
        if (stopped) {
          return;
        }
        e.run();
      }
    }

    /** Stops campaigning and waits for the elector to return (the clock must be moving). */
    void stop() throws InterruptedException {
      stopped = true;
      LeaderElector e = elector;
      if (e != null) {
        e.close();
      }
      thread.join(30_000);
      assertThat(thread.isAlive()).as("%s still campaigning", identity).isFalse();
    }

    @Override
    public void close() {
      stopped = true;
      clientSet.close();
      net.close();
    }
  }
}
