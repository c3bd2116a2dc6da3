package dev.kubeclient.informers.record.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.MicroTime;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.informers.record.CorrelatorOptions;
import dev.kubeclient.testing.FakeClock;
import dev.kubeclient.typed.api.core.v1.Event;
import dev.kubeclient.typed.api.core.v1.EventSource;
import dev.kubeclient.typed.api.core.v1.ObjectReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenarios of client-go's {@code TestEventCorrelator} and {@code TestEventSpamFilter}. */
class EventCorrelatorTest {
  private final FakeClock clock = new FakeClock();
  private int names;

  private Event event(String reason, String message) {
    return new Event()
        .metadata(new ObjectMeta().name("my-pod." + names++).namespace("my-ns"))
        .involvedObject(
            new ObjectReference()
                .kind("Pod")
                .name("my-pod")
                .namespace("my-ns")
                .uid("uid")
                .apiVersion("v1"))
        .source(new EventSource().component("kubelet").host("node"))
        .reason(reason)
        .message(message)
        .type("Normal")
        .count(1)
        .eventTime(MicroTime.of(clock.now()));
  }

  /** Plays {@code n} copies of {@code e} at {@code interval}, updating state as the sink would. */
  private EventCorrelator.Result play(
      EventCorrelator c, int n, Duration interval, java.util.function.IntFunction<Event> e) {
    EventCorrelator.Result last = null;
    for (int i = 0; i < n; i++) {
      clock.advance(interval);
      last = c.correlate(e.apply(i));
      if (!last.skip()) {
        c.updateState(last.event());
      }
    }
    return last;
  }

  private EventCorrelator correlator() {
    return new EventCorrelator(CorrelatorOptions.defaults(), clock);
  }

  /** "create-a-single-event". */
  @Test
  void correlate_firstEvent_passesWithCountOne() {
    EventCorrelator.Result r = correlator().correlate(event("first", "i am first"));
    assertThat(r.skip()).isFalse();
    assertThat(r.event().getCount()).isEqualTo(1);
    assertThat(r.event().getMessage()).isEqualTo("i am first");
  }

  /** "the-same-event-should-just-count" and "...-even-if-more-than-aggregate". */
  @Test
  void correlate_sameEvent_countsUnderTheFirstName() {
    EventCorrelator c = correlator();
    Event first = c.correlate(event("duplicate", "me again")).event();
    c.updateState(first);
    EventCorrelator.Result r =
        play(c, 10, Duration.ofSeconds(30), i -> event("duplicate", "me again"));
    assertThat(r.event().getCount()).isEqualTo(11);
    assertThat(r.event().getMetadata().getName()).isEqualTo(first.getMetadata().getName());
    assertThat(r.event().getEventTime()).isEqualTo(first.getEventTime());
  }

  /** "the-same-event-is-spam-if-happens-too-frequently". */
  @Test
  void correlate_burstExhausted_skipsUntilTheBucketRefills() {
    EventCorrelator c = correlator();
    EventCorrelator.Result r = play(c, 25, Duration.ofSeconds(1), i -> event("duplicate", "again"));
    assertThat(r.skip()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(c.correlate(event("duplicate", "again")).skip()).isTrue();
    // One token every 300 s.
    clock.advance(Duration.ofSeconds(300));
    EventCorrelator.Result after = c.correlate(event("duplicate", "again"));
    assertThat(after.skip()).isFalse();
    assertThat(after.event().getCount()).as("skipped occurrences still count").isEqualTo(27);
  }

  /** client-go's {@code TestEventSpamFilter}: the spam key covers the object, not the reason. */
  @Test
  void correlate_otherReasonsAboutTheSameObject_shareTheBucket() {
    EventCorrelator c =
        new EventCorrelator(
            new CorrelatorOptions(4096, 1, 1.0 / 300, 10, Duration.ofMinutes(10)), clock);
    assertThat(c.correlate(event("original", "i am first")).skip()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(c.correlate(event("duplicate", "me again")).skip()).isTrue();
  }

  /** "create-many-unique-events". */
  @Test
  void correlate_uniqueReasons_eachPassesWithCountOne() {
    EventCorrelator c = correlator();
    EventCorrelator.Result r =
        play(c, 20, Duration.ofSeconds(5), i -> event("reason" + i, "m" + i));
    assertThat(r.event().getCount()).isEqualTo(1);
    assertThat(r.event().getReason()).isEqualTo("reason19");
  }

  /**
   * "similar-events-should-aggregate-event" and "similar-events-many-times-should-count-the-
   * aggregate".
   */
  @Test
  void correlate_tenSimilarEvents_areCombinedAndTheCombinedOneCounts() {
    EventCorrelator c = correlator();
    EventCorrelator.Result ninth =
        play(c, 9, Duration.ofSeconds(5), i -> event("similar", "m" + i));
    assertThat(ninth.event().getMessage()).isEqualTo("m8");
    clock.advance(Duration.ofSeconds(5));
    EventCorrelator.Result tenth = c.correlate(event("similar", "m9"));
    c.updateState(tenth.event());
    assertThat(tenth.event().getMessage()).isEqualTo("(combined from similar events): m9");
    assertThat(tenth.event().getCount()).isEqualTo(1);
    assertThat(tenth.event().getReportingComponent()).isNull();
    clock.advance(Duration.ofSeconds(5));
    EventCorrelator.Result eleventh = c.correlate(event("similar", "m10"));
    assertThat(eleventh.event().getMessage()).isEqualTo("(combined from similar events): m10");
    assertThat(eleventh.event().getCount()).isEqualTo(2);
    assertThat(eleventh.event().getMetadata().getName())
        .isEqualTo(tenth.event().getMetadata().getName());
  }

  /** "events-from-different-containers-do-not-aggregate". */
  @Test
  void correlate_differentFieldPaths_areDifferentEvents() {
    EventCorrelator c = correlator();
    Event a = event("similar", "msg");
    a.getInvolvedObject().setFieldPath("spec.containers{container2}");
    c.updateState(c.correlate(a).event());
    Event b = event("similar", "msg");
    b.getInvolvedObject().setFieldPath("spec.containers{container1}");
    assertThat(c.correlate(b).event().getCount()).isEqualTo(1);
  }

  /** "similar-events-whose-interval-is-greater-than-aggregate-interval-do-not-aggregate". */
  @Test
  void correlate_similarEventsFurtherApartThanTheInterval_doNotAggregate() {
    EventCorrelator c = correlator();
    EventCorrelator.Result r = play(c, 10, Duration.ofSeconds(601), i -> event("similar", "m" + i));
    assertThat(r.event().getMessage()).isEqualTo("m9");
  }

  @Test
  void correlate_smallCaches_forgetTheLeastRecentlyUsed() {
    EventCorrelator c =
        new EventCorrelator(
            new CorrelatorOptions(2, 25, 1.0 / 300, 10, Duration.ofMinutes(10)), clock);
    c.updateState(c.correlate(event("a", "a")).event());
    c.updateState(c.correlate(event("b", "b")).event());
    c.updateState(c.correlate(event("c", "c")).event());
    assertThat(c.correlate(event("c", "c")).event().getCount()).isEqualTo(2);
    assertThat(c.correlate(event("a", "a")).event().getCount()).as("forgotten").isEqualTo(1);
  }
}
