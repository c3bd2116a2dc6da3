package dev.kubeclient.informers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.NetworkPartition;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.api.events.v1.Event;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The broadcaster against the embedded server: what lands there, and when. */
class EventBroadcasterTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final EmbeddedApiServer server =
      EmbeddedApiServer.newBuilder().https(false).build().start();
  private final ClientSet clientSet = ClientSet.newForConfig(server.restConfig());
  private final ConfigMap settings =
      clientSet
          .coreV1()
          .configMaps("default")
          .create(new ConfigMap().metadata(m -> m.name("settings")));
  private EventBroadcaster broadcaster;

  @AfterEach
  void stop() {
    if (broadcaster != null) {
      broadcaster.close();
    }
    clientSet.close();
    server.close();
  }

  private EventRecorder started(UnaryOperator<EventBroadcaster.Builder> options) {
    broadcaster = options.apply(EventBroadcaster.builder(clientSet).host("node-1")).build();
    broadcaster.start();
    return broadcaster.newRecorder("example.com/ctrl");
  }

  private List<Event> events() {
    List<Event> items = clientSet.eventsV1().events("default").list().getItems();
    return items.stream().sorted(Comparator.comparing(e -> e.getMetadata().getName())).toList();
  }

  private void awaitWritten(long n) {
    await().atMost(WAIT).until(() -> broadcaster.writtenEvents() >= n);
  }

  @Test
  void event_landsAsAnEventsV1Event() {
    EventRecorder recorder = started(b -> b);
    recorder.event(settings, EventRecorder.NORMAL, "Synced", "settings applied");
    awaitWritten(1);
    Event e = events().get(0);
    assertThat(e.getRegarding().getKind()).isEqualTo("ConfigMap");
    assertThat(e.getRegarding().getName()).isEqualTo("settings");
    assertThat(e.getRegarding().getUid()).isEqualTo(settings.getMetadata().getUid());
    assertThat(e.getType()).isEqualTo("Normal");
    assertThat(e.getReason()).isEqualTo("Synced");
    assertThat(e.getAction()).isEqualTo("Synced");
    assertThat(e.getNote()).isEqualTo("settings applied");
    assertThat(e.getReportingController()).isEqualTo("example.com/ctrl");
    assertThat(e.getReportingInstance()).isEqualTo("example.com/ctrl-node-1");
    assertThat(e.getEventTime()).isNotNull();
    assertThat(e.getSeries()).isNull();
    assertThat(e.getDeprecatedCount()).isNull();
    assertThat(e.getMetadata().getName()).startsWith("settings.");
  }

  @Test
  void eventf_formatsAndTheActionFormCarriesActionAndRelated() {
    EventRecorder recorder = started(b -> b);
    ConfigMap other =
        clientSet
            .coreV1()
            .configMaps("default")
            .create(new ConfigMap().metadata(m -> m.name("other")));
    recorder.eventf(settings, EventRecorder.WARNING, "BadKey", "key %s at %d", "x", 3);
    recorder.event(settings, other, EventRecorder.NORMAL, "Copied", "Copy", "copied to other");
    awaitWritten(2);
    assertThat(events())
        .extracting(
            Event::getNote,
            Event::getAction,
            e -> e.getRelated() == null ? null : e.getRelated().getName())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("key x at 3", "BadKey", null),
            org.assertj.core.groups.Tuple.tuple("copied to other", "Copy", "other"));
  }

  /** client-go: the same event again is counted, not created again. */
  @Test
  void event_repeated_isOneEventWithASeriesCount() {
    EventRecorder recorder = started(b -> b);
    for (int i = 0; i < 5; i++) {
      recorder.event(settings, EventRecorder.WARNING, "Failed", "cannot sync");
    }
    awaitWritten(5);
    List<Event> events = events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getSeries().getCount()).isEqualTo(5);
    assertThat(events.get(0).getSeries().getLastObservedTime()).isNotNull();
  }

  /**
   * client-go's correlator end to end: of 30 events with one reason and different messages, 9 are
   * written as they are, the 10th to the 25th are combined into one event counted 16 times, and the
   * spam filter (a burst of 25 per source and object) drops the last 5.
   */
  @Test
  void event_floodOfSimilarEvents_isAggregatedAndSpamFiltered() {
    EventRecorder recorder = started(b -> b);
    for (int i = 0; i < 30; i++) {
      recorder.eventf(settings, EventRecorder.WARNING, "Failed", "attempt %02d failed", i);
    }
    awaitWritten(25);
    List<Event> events = events();
    assertThat(events).hasSize(10);
    List<Event> combined =
        events.stream().filter(e -> e.getNote().startsWith("(combined")).toList();
    assertThat(combined)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getNote())
                  .isEqualTo("(combined from similar events): attempt 09 failed");
              assertThat(e.getSeries().getCount()).isEqualTo(16);
            });
    assertThat(events.stream().filter(e -> e.getSeries() == null).map(Event::getNote))
        .containsExactlyInAnyOrder(
            "attempt 00 failed",
            "attempt 01 failed",
            "attempt 02 failed",
            "attempt 03 failed",
            "attempt 04 failed",
            "attempt 05 failed",
            "attempt 06 failed",
            "attempt 07 failed",
            "attempt 08 failed");
    assertThat(broadcaster.droppedEvents()).isZero();
  }

  @Test
  void event_coreV1_landsAsALegacyEventWithCountAndSource() {
    EventRecorder recorder = started(b -> b.apiVersion(EventBroadcaster.ApiVersion.CORE_V1));
    recorder.event(settings, EventRecorder.NORMAL, "Synced", "ok");
    recorder.event(settings, EventRecorder.NORMAL, "Synced", "ok");
    recorder.event(settings, EventRecorder.NORMAL, "Synced", "ok");
    awaitWritten(3);
    List<dev.kubeclient.typed.api.core.v1.Event> events =
        clientSet.coreV1().events("default").list().getItems();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getCount()).isEqualTo(3);
              assertThat(e.getMessage()).isEqualTo("ok");
              assertThat(e.getInvolvedObject().getName()).isEqualTo("settings");
              assertThat(e.getSource().getComponent()).isEqualTo("example.com/ctrl");
              assertThat(e.getSource().getHost()).isEqualTo("node-1");
              assertThat(e.getFirstTimestamp()).isNotNull();
              assertThat(e.getLastTimestamp()).isNotNull();
            });
  }

  /**
   * client-go's {@code TestUpdateExpiredEvent}: a counted event deleted meanwhile is created again.
   */
  @Test
  void event_repeatAfterTheEventWasDeleted_createsItAgainWithTheCount() {
    EventRecorder recorder = started(b -> b);
    recorder.event(settings, EventRecorder.NORMAL, "Synced", "ok");
    recorder.event(settings, EventRecorder.NORMAL, "Synced", "ok");
    awaitWritten(2);
    String name = events().get(0).getMetadata().getName();
    clientSet.eventsV1().events("default").delete(name);
    recorder.event(settings, EventRecorder.NORMAL, "Synced", "ok");
    awaitWritten(3);
    assertThat(events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getMetadata().getName()).isEqualTo(name);
              assertThat(e.getSeries().getCount()).isEqualTo(3);
            });
  }

  /** client-go's {@code TestWriteEventError}: the server's refusal is final, not retried. */
  @Test
  void event_serverError_isNotRetried() {
    EventRecorder recorder = started(b -> b.sleepDuration(Duration.ofMillis(10)));
    server.faults().failNext(1, 500);
    recorder.event(settings, EventRecorder.NORMAL, "First", "refused");
    await().atMost(WAIT).until(() -> broadcaster.failedEvents() == 1);
    recorder.event(settings, EventRecorder.NORMAL, "Second", "accepted");
    awaitWritten(1);
    assertThat(events()).extracting(Event::getReason).containsExactly("Second");
  }

  /** Transport failures are retried, after a randomized first wait. */
  @Test
  void event_connectionCut_isRetriedUntilItLands() {
    try (NetworkPartition net = NetworkPartition.start(server.url());
        ClientSet cut =
            ClientSet.newForConfig(
                net.restConfig(server.restConfig())
                    .newBuilder()
                    .requestTimeout(Duration.ofSeconds(2))
                    .build())) {
      broadcaster = EventBroadcaster.builder(cut).sleepDuration(Duration.ofMillis(200)).build();
      broadcaster.start();
      net.cut();
      broadcaster.newRecorder("ctrl").event(settings, EventRecorder.NORMAL, "Synced", "ok");
      await().atMost(WAIT).until(() -> net.resetCount() >= 1);
      assertThat(broadcaster.writtenEvents()).isZero();
      net.heal();
      awaitWritten(1);
      assertThat(events()).hasSize(1);
      assertThat(broadcaster.failedEvents()).isZero();
    }
  }

  /**
   * Recording never waits for the server: with the sink stuck on a blackholed connection, a
   * thousand events are taken at once, those beyond the queue are dropped and counted, and nothing
   * is lost unaccounted.
   */
  @Test
  void event_sinkStuck_recordersDoNotWaitAndDropsAreCounted() {
    try (NetworkPartition net = NetworkPartition.start(server.url());
        ClientSet stuck =
            ClientSet.newForConfig(
                net.restConfig(server.restConfig())
                    .newBuilder()
                    .readTimeout(Duration.ofMillis(500))
                    .requestTimeout(Duration.ofSeconds(1))
                    .build())) {
      net.blackhole();
      broadcaster =
          EventBroadcaster.builder(stuck)
              .queueSize(10)
              .flushTimeout(Duration.ofMillis(200))
              .sleepDuration(Duration.ofMillis(100))
              .build();
      broadcaster.start();
      EventRecorder recorder = broadcaster.newRecorder("ctrl");
      long start = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        ConfigMap target = new ConfigMap().metadata(m -> m.name("target").namespace("default"));
        target.getMetadata().setName("cm-" + i);
        recorder.event(target, EventRecorder.NORMAL, "Synced", "ok");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(broadcaster.droppedEvents()).isGreaterThanOrEqualTo(989);
      broadcaster.close();
      assertThat(
              broadcaster.droppedEvents()
                  + broadcaster.writtenEvents()
                  + broadcaster.failedEvents())
          .isEqualTo(1000);
    }
  }

  /** Close writes what is queued before it returns. */
  @Test
  void close_flushesQueuedEvents() {
    EventRecorder recorder = started(b -> b);
    for (int i = 0; i < 50; i++) {
      recorder.event(settings, EventRecorder.NORMAL, "Step" + i, "step " + i);
    }
    broadcaster.close();
    assertThat(broadcaster.writtenEvents()).isEqualTo(25);
    assertThat(events()).hasSize(25).as("the rest is spam-filtered (burst 25)");
    recorder.event(settings, EventRecorder.NORMAL, "Late", "after close");
    assertThat(broadcaster.droppedEvents()).isEqualTo(1);
  }

  @Test
  void event_recordedBeforeStart_isWrittenAfterStart() {
    broadcaster = EventBroadcaster.builder(clientSet).build();
    EventRecorder recorder = broadcaster.newRecorder("ctrl");
    recorder.event(settings, EventRecorder.NORMAL, "Early", "before start");
    broadcaster.start();
    awaitWritten(1);
    assertThatThrownBy(broadcaster::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("event broadcaster already STARTED");
  }

  @Test
  void close_neverStarted_dropsAndCountsWhatWasQueued() {
    broadcaster = EventBroadcaster.builder(clientSet).build();
    broadcaster.newRecorder("ctrl").event(settings, EventRecorder.NORMAL, "Early", "never sent");
    broadcaster.close();
    broadcaster.close();
    assertThat(broadcaster.droppedEvents()).isEqualTo(1);
    assertThatThrownBy(broadcaster::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void event_badArguments_areRejectedAtOnce() {
    EventRecorder recorder = started(b -> b);
    assertThatThrownBy(() -> recorder.event(settings, "Info", "Synced", "ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event type must be Normal or Warning: 'Info'");
    assertThatThrownBy(() -> recorder.event(settings, EventRecorder.NORMAL, "", "ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event reason must not be empty");
    assertThatThrownBy(() -> recorder.event(new ConfigMap(), EventRecorder.NORMAL, "Synced", "ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event Synced: the ConfigMap has no metadata.name");
  }

  @Test
  void event_objectWithoutTypeMeta_getsItsKindFromTheScheme() {
    EventRecorder recorder = started(b -> b);
    ConfigMap bare = new ConfigMap().metadata(m -> m.name("bare").namespace("default"));
    recorder.annotatedEventf(bare, Map.of("a", "b"), EventRecorder.NORMAL, "Seen", "seen %s", "it");
    awaitWritten(1);
    Event e = events().get(0);
    assertThat(e.getRegarding().getKind()).isEqualTo("ConfigMap");
    assertThat(e.getRegarding().getApiVersion()).isEqualTo("v1");
    assertThat(e.getMetadata().getAnnotations()).containsEntry("a", "b");
  }
}
