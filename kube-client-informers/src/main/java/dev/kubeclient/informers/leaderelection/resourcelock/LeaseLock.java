package dev.kubeclient.informers.leaderelection.resourcelock;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;
import static dev.kubeclient.core.internal.Preconditions.checkState;

import dev.kubeclient.core.MicroTime;
import dev.kubeclient.informers.record.EventRecorder;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.coordination.v1.Lease;
import dev.kubeclient.typed.api.coordination.v1.LeaseSpec;
import dev.kubeclient.typed.client.coordination.v1.LeaseClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ResourceLock} on a {@code coordination.k8s.io/v1} Lease (client-go's {@code LeaseLock}):
 * the record is the Lease's spec, and updates carry the resourceVersion of the Lease last read or
 * written, so a concurrent change fails them with a Conflict.
 *
 * <pre>{@code
 * LeaseLock lock = LeaseLock.of(clientSet, "kube-system", "my-controller", podName);
 * }</pre>
 *
 * <p>Confined to the elector that uses it (it caches the last Lease); {@link #identity()} and
 * {@link #describe()} may be called from any thread.
 */
public final class LeaseLock implements ResourceLock {
  private final LeaseClient leases;
  private final String namespace;
  private final String name;
  private final String identity;
  private final Map<String, String> labels;
  private final @Nullable EventRecorder eventRecorder;

  /**
   * The Lease last read or written; its resourceVersion guards the next update. Volatile: the
   * elector writes through its request thread and records events from its own.
   */
  private volatile @Nullable Lease lease;

  private LeaseLock(Builder b) {
    this.leases = b.leases;
    this.namespace = checkNotNull(b.leases.generic().namespace(), "the lease client's namespace");
    this.name = b.name;
    this.identity = b.identity;
    this.labels = Map.copyOf(b.labels);
    this.eventRecorder = b.eventRecorder;
  }

  /**
   * A lock on the Lease {@code namespace/name} for the candidate {@code identity}.
   *
   * @throws IllegalArgumentException when a name is empty
   */
  public static LeaseLock of(ClientSet clientSet, String namespace, String name, String identity) {
    checkNotNull(clientSet, "clientSet");
    return builder(clientSet.coordinationV1().leases(namespace), name, identity).build();
  }

  /** A builder of a lock on the Lease {@code name} of the namespace {@code leases} serves. */
  public static Builder builder(LeaseClient leases, String name, String identity) {
    return new Builder(leases, name, identity);
  }

  @Override
  public LeaderElectionRecord get() {
    Lease l = leases.get(name);
    this.lease = l;
    return toRecord(l.getSpec());
  }

  @Override
  public void create(LeaderElectionRecord record) {
    checkNotNull(record, "record");
    Lease l =
        new Lease()
            .metadata(
                m -> m.name(name).namespace(namespace).labels(labels.isEmpty() ? null : labels))
            .spec(toSpec(record));
    this.lease = leases.create(l);
  }

  @Override
  public void update(LeaderElectionRecord record) {
    checkNotNull(record, "record");
    Lease last = lease;
    checkState(last != null, "lease %s not initialized: call get or create first", describe());
    Lease l = last.deepCopy();
    l.setSpec(toSpec(record));
    if (!labels.isEmpty()) {
      Map<String, String> merged = new LinkedHashMap<>(l.getMetadata().getLabels());
      merged.putAll(labels);
      l.getMetadata().setLabels(merged);
    }
    this.lease = leases.update(l);
  }

  /**
   * Records a Normal event with reason {@code LeaderElection} about the Lease, such as "pod-1
   * became leader", when an event recorder is configured and the Lease has been read or written.
   */
  @Override
  public void recordEvent(String message) {
    EventRecorder recorder = eventRecorder;
    Lease l = lease;
    if (recorder == null || l == null) {
      return;
    }
    Lease subject = new Lease().metadata(l.getMetadata().deepCopy());
    subject.setTypeMeta("coordination.k8s.io/v1", "Lease");
    recorder.event(subject, EventRecorder.NORMAL, "LeaderElection", identity + " " + message);
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public String describe() {
    return namespace + "/" + name;
  }

  @Override
  public String toString() {
    return "LeaseLock{" + describe() + ", identity=" + identity + "}";
  }

  /** client-go's {@code LeaseSpecToLeaderElectionRecord}: absent fields read as zero values. */
  static LeaderElectionRecord toRecord(@Nullable LeaseSpec spec) {
    if (spec == null) {
      return new LeaderElectionRecord("", 0, null, null, 0, null, null);
    }
    return new LeaderElectionRecord(
        Objects.requireNonNullElse(spec.getHolderIdentity(), ""),
        Objects.requireNonNullElse(spec.getLeaseDurationSeconds(), 0),
        instant(spec.getAcquireTime()),
        instant(spec.getRenewTime()),
        Objects.requireNonNullElse(spec.getLeaseTransitions(), 0),
        spec.getStrategy(),
        spec.getPreferredHolder());
  }

  /** client-go's {@code LeaderElectionRecordToLeaseSpec}. */
  static LeaseSpec toSpec(LeaderElectionRecord r) {
    return new LeaseSpec()
        .holderIdentity(r.holderIdentity())
        .leaseDurationSeconds(r.leaseDurationSeconds())
        .acquireTime(r.acquireTime() == null ? null : MicroTime.of(r.acquireTime()))
        .renewTime(r.renewTime() == null ? null : MicroTime.of(r.renewTime()))
        .leaseTransitions(r.leaderTransitions())
        .strategy(r.strategy())
        .preferredHolder(r.preferredHolder());
  }

  private static @Nullable Instant instant(@Nullable MicroTime t) {
    return t == null ? null : t.toInstant();
  }

  /** Options of a {@link LeaseLock}. */
  public static final class Builder {
    private final LeaseClient leases;
    private final String name;
    private final String identity;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private @Nullable EventRecorder eventRecorder;

    private Builder(LeaseClient leases, String name, String identity) {
      this.leases = checkNotNull(leases, "leases");
      checkNotNull(name, "name");
      checkArgument(!name.isEmpty(), "the lease name must not be empty");
      checkNotNull(identity, "identity");
      checkArgument(!identity.isEmpty(), "the identity must not be empty");
      this.name = name;
      this.identity = identity;
    }

    /**
     * Labels the Lease with {@code labels} when this candidate creates it or writes it (client-go's
     * {@code NewWithLabels}): the holder's labels are applied, others' are kept.
     */
    public Builder labels(Map<String, String> labels) {
      checkNotNull(labels, "labels");
      this.labels.clear();
      this.labels.putAll(labels);
      return this;
    }

    /**
     * Records the election's turns as events about the Lease ("pod-1 became leader", "pod-1 stopped
     * leading"), as client-go's {@code ResourceLockConfig.EventRecorder} does.
     */
    public Builder eventRecorder(EventRecorder eventRecorder) {
      this.eventRecorder = checkNotNull(eventRecorder, "eventRecorder");
      return this;
    }

    /** The lock. */
    public LeaseLock build() {
      return new LeaseLock(this);
    }
  }
}
