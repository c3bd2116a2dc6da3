package dev.kubeclient.informers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.api.events.v1.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads recording at once: every event lands once, or is counted as dropped. */
class EventBroadcasterStressTest {
  private static final int THREADS = 8;
  private static final int EVENTS_PER_THREAD = 40;

  private final EmbeddedApiServer server =
      EmbeddedApiServer.newBuilder().https(false).build().start();
  private final ClientSet clientSet = ClientSet.newForConfig(server.restConfig());

  @AfterEach
  void stop() {
    clientSet.close();
    server.close();
  }

  /** Records from {@code THREADS} threads at once, each about objects of its own. */
  private void recordConcurrently(EventRecorder recorder) throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                  String name = "t" + thread + "-o" + i;
                  ConfigMap target =
                      new ConfigMap().metadata(m -> m.name(name).namespace("default"));
                  recorder.event(target, EventRecorder.NORMAL, "Synced", "synced " + name);
                }
              });
      th.start();
      threads.add(th);
    }
    go.countDown();
    for (Thread th : threads) {
      th.join();
    }
  }

  @Test
  void event_fromManyThreads_landsExactlyOnceEach() {
    assertTimeoutPreemptively(
        Duration.ofMinutes(1),
        () -> {
          try (EventBroadcaster broadcaster =
              EventBroadcaster.builder(clientSet).queueSize(THREADS * EVENTS_PER_THREAD).build()) {
            broadcaster.start();
            recordConcurrently(broadcaster.newRecorder("ctrl"));
            broadcaster.close();
            assertThat(broadcaster.droppedEvents()).isZero();
            assertThat(broadcaster.failedEvents()).isZero();
            assertThat(broadcaster.writtenEvents()).isEqualTo(THREADS * EVENTS_PER_THREAD);
          }
          List<Event> events = clientSet.eventsV1().events("default").list().getItems();
          assertThat(events).hasSize(THREADS * EVENTS_PER_THREAD);
          Set<String> notes = new HashSet<>();
          for (Event e : events) {
            assertThat(notes.add(e.getNote())).as("duplicate %s", e.getNote()).isTrue();
            assertThat(e.getNote()).isEqualTo("synced " + e.getRegarding().getName());
            assertThat(e.getSeries()).isNull();
          }
        });
  }

  @Test
  void event_fromManyThreadsIntoASmallQueue_accountsForEveryEvent() {
    assertTimeoutPreemptively(
        Duration.ofMinutes(1),
        () -> {
          long written;
          try (EventBroadcaster broadcaster =
              EventBroadcaster.builder(clientSet).queueSize(20).build()) {
            broadcaster.start();
            recordConcurrently(broadcaster.newRecorder("ctrl"));
            broadcaster.close();
            written = broadcaster.writtenEvents();
            assertThat(broadcaster.failedEvents()).isZero();
            assertThat(broadcaster.droppedEvents() + written)
                .isEqualTo(THREADS * EVENTS_PER_THREAD);
          }
          assertThat(clientSet.eventsV1().events("default").list().getItems())
              .hasSize((int) written);
        });
  }
}
