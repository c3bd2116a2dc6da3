package dev.kubeclient.informers.leaderelection.resourcelock;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The state of an election as a lock stores it (client-go's {@code LeaderElectionRecord}): who
 * holds the lease, for how long, and since when. Electors compare records only for change: the
 * timestamps come from the holder's clock and are never used to measure time.
 *
 * @param holderIdentity the identity of the holder; empty when nobody holds the lease (after a
 *     voluntary release), and then anybody may take it at once
 * @param leaseDurationSeconds how long others must see the record unchanged before taking over
 * @param acquireTime when the holder acquired the lease, by its clock
 * @param renewTime when the holder last renewed it, by its clock
 * @param leaderTransitions how many times the holder changed
 * @param strategy the coordinated election strategy, or null
 * @param preferredHolder the holder a coordinated election prefers next, or null
 */
public record LeaderElectionRecord(
    String holderIdentity,
    int leaseDurationSeconds,
    @Nullable Instant acquireTime,
    @Nullable Instant renewTime,
    int leaderTransitions,
    @Nullable String strategy,
    @Nullable String preferredHolder) {

  /** Checks the values. */
  public LeaderElectionRecord {
    checkNotNull(holderIdentity, "holderIdentity");
    checkArgument(
        leaseDurationSeconds >= 0,
        "leaseDurationSeconds must not be negative: %s",
        leaseDurationSeconds);
    checkArgument(
        leaderTransitions >= 0, "leaderTransitions must not be negative: %s", leaderTransitions);
  }

  /** A record of {@code holderIdentity} acquiring or renewing at {@code now}. */
  public static LeaderElectionRecord of(
      String holderIdentity, int leaseDurationSeconds, Instant now, int leaderTransitions) {
    return new LeaderElectionRecord(
        holderIdentity, leaseDurationSeconds, now, now, leaderTransitions, null, null);
  }

  /** This record with {@code acquireTime} and {@code leaderTransitions} replaced. */
  public LeaderElectionRecord withAcquireTimeAndTransitions(
      @Nullable Instant acquireTime, int leaderTransitions) {
    return new LeaderElectionRecord(
        holderIdentity,
        leaseDurationSeconds,
        acquireTime,
        renewTime,
        leaderTransitions,
        strategy,
        preferredHolder);
  }
}
