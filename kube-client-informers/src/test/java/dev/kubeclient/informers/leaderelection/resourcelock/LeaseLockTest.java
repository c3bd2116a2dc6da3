package dev.kubeclient.informers.leaderelection.resourcelock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.MicroTime;
import dev.kubeclient.core.errors.AlreadyExistsException;
import dev.kubeclient.core.errors.ConflictException;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.informers.record.EventBroadcaster;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.coordination.v1.Lease;
import dev.kubeclient.typed.api.coordination.v1.LeaseSpec;
import dev.kubeclient.typed.api.events.v1.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LeaseLock against the embedded server; scenarios of client-go's {@code leaselock_test.go}. */
class LeaseLockTest {
  private final EmbeddedApiServer server =
      EmbeddedApiServer.newBuilder().https(false).build().start();
  private final ClientSet clientSet = ClientSet.newForConfig(server.restConfig());

  @AfterEach
  void stop() {
    clientSet.close();
    server.close();
  }

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");

  @Test
  void createGetUpdate_roundTripTheRecordThroughTheLease() {
    LeaseLock lock = LeaseLock.of(clientSet, "kube-system", "ctrl", "pod-a");
    assertThatThrownBy(lock::get).isInstanceOf(NotFoundException.class);
    LeaderElectionRecord first = LeaderElectionRecord.of("pod-a", 15, T0, 0);
    lock.create(first);
    assertThat(lock.get()).isEqualTo(first);
    Lease stored = clientSet.coordinationV1().leases("kube-system").get("ctrl");
    assertThat(stored.getSpec().getHolderIdentity()).isEqualTo("pod-a");
    assertThat(stored.getSpec().getLeaseDurationSeconds()).isEqualTo(15);
    assertThat(stored.getSpec().getRenewTime()).isEqualTo(MicroTime.of(T0));
    LeaderElectionRecord renewed =
        LeaderElectionRecord.of("pod-a", 15, T0.plusSeconds(2), 0)
            .withAcquireTimeAndTransitions(T0, 0);
    lock.update(renewed);
    assertThat(lock.get()).isEqualTo(renewed);
    assertThat(lock.describe()).isEqualTo("kube-system/ctrl");
    assertThat(lock.identity()).isEqualTo("pod-a");
  }

  @Test
  void update_afterSomeoneElseWrote_conflicts() {
    LeaseLock a = LeaseLock.of(clientSet, "default", "ctrl", "a");
    LeaseLock b = LeaseLock.of(clientSet, "default", "ctrl", "b");
    a.create(LeaderElectionRecord.of("a", 15, T0, 0));
    b.get();
    b.update(LeaderElectionRecord.of("b", 15, T0, 1));
    assertThatThrownBy(() -> a.update(LeaderElectionRecord.of("a", 15, T0, 0)))
        .isInstanceOf(ConflictException.class);
    assertThat(a.get().holderIdentity()).isEqualTo("b");
    assertThatThrownBy(() -> b.create(LeaderElectionRecord.of("b", 15, T0, 0)))
        .isInstanceOf(AlreadyExistsException.class);
  }

  @Test
  void update_beforeGetOrCreate_saysSo() {
    LeaseLock lock = LeaseLock.of(clientSet, "default", "ctrl", "a");
    assertThatThrownBy(() -> lock.update(LeaderElectionRecord.of("a", 15, T0, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("lease default/ctrl not initialized: call get or create first");
  }

  /** client-go's {@code NewWithLabels}: the holder's labels are applied, others' kept. */
  @Test
  void labels_areAppliedOnCreateAndMergedOnUpdate() {
    LeaseLock a =
        LeaseLock.builder(clientSet.coordinationV1().leases("default"), "ctrl", "a")
            .labels(Map.of("holder-app", "a"))
            .build();
    a.create(LeaderElectionRecord.of("a", 15, T0, 0));
    Lease l = clientSet.coordinationV1().leases("default").get("ctrl");
    l.getMetadata().setLabels(Map.of("holder-app", "a", "other", "kept"));
    clientSet.coordinationV1().leases("default").update(l);
    LeaseLock b =
        LeaseLock.builder(clientSet.coordinationV1().leases("default"), "ctrl", "b")
            .labels(Map.of("holder-app", "b"))
            .build();
    b.get();
    b.update(LeaderElectionRecord.of("b", 15, T0, 1));
    assertThat(clientSet.coordinationV1().leases("default").get("ctrl").getMetadata().getLabels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("holder-app", "b", "other", "kept"));
  }

  @Test
  void recordEvent_recordsALeaderElectionEventAboutTheLease() {
    try (EventBroadcaster broadcaster = EventBroadcaster.builder(clientSet).build()) {
      broadcaster.start();
      LeaseLock lock =
          LeaseLock.builder(clientSet.coordinationV1().leases("default"), "ctrl", "pod-a")
              .eventRecorder(broadcaster.newRecorder("ctrl"))
              .build();
      lock.recordEvent("before any read: nothing to refer to");
      lock.create(LeaderElectionRecord.of("pod-a", 15, T0, 0));
      lock.recordEvent("became leader");
    }
    List<Event> events = clientSet.eventsV1().events("default").list().getItems();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getNote()).isEqualTo("pod-a became leader");
              assertThat(e.getReason()).isEqualTo("LeaderElection");
              assertThat(e.getRegarding().getKind()).isEqualTo("Lease");
              assertThat(e.getRegarding().getApiVersion()).isEqualTo("coordination.k8s.io/v1");
              assertThat(e.getRegarding().getName()).isEqualTo("ctrl");
            });
  }

  /** client-go's {@code TestLeaseSpecToLeaderElectionRecordRoundTrip}. */
  @Test
  void spec_roundTripsEveryField() {
    LeaderElectionRecord r =
        new LeaderElectionRecord("h", 20, T0, T0.plusSeconds(1), 7, "OldestEmulationVersion", "p");
    assertThat(LeaseLock.toRecord(LeaseLock.toSpec(r))).isEqualTo(r);
    assertThat(LeaseLock.toRecord(new LeaseSpec()))
        .isEqualTo(new LeaderElectionRecord("", 0, null, null, 0, null, null));
  }

  @Test
  void builder_emptyNames_areRejected() {
    assertThatThrownBy(() -> LeaseLock.of(clientSet, "default", "", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the lease name must not be empty");
    assertThatThrownBy(() -> LeaseLock.of(clientSet, "default", "ctrl", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the identity must not be empty");
  }
}
