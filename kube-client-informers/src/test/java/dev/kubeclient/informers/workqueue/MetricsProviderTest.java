package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.informers.workqueue.internal.RealDelayingQueue;
import dev.kubeclient.informers.workqueue.internal.RealRateLimitingQueue;
import dev.kubeclient.informers.workqueue.internal.RealWorkQueue;
import dev.kubeclient.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricsProviderTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeClock clock = new FakeClock(Instant.EPOCH);
  private final RecordingMetricsProvider mp = new RecordingMetricsProvider();

  private QueueConfig<String> named(String name, MetricsProvider provider) {
    return QueueConfig.<String>builder().name(name).clock(clock).metricsProvider(provider).build();
  }

  /** Scenario of client-go {@code TestMetrics}. */
  @Test
  void namedQueue_reportsClientGoMetrics() throws Exception {
    RealWorkQueue<String> q = RealWorkQueue.create(named("test", mp), Duration.ofMillis(1));
    try {
      q.add("foo");
      assertThat(mp.adds.count()).isEqualTo(1);
      assertThat(mp.depth.count()).isEqualTo(1);

      clock.advance(Duration.ofNanos(50_000));
      String i = q.get();
      assertThat(i).isEqualTo("foo");
      assertThat(mp.latency.lastObservation()).isEqualTo(5e-05);
      assertThat(mp.latency.observationCount()).isEqualTo(1);

      // Added back while processing; further adds are collapsed.
      for (int n = 0; n < 5; n++) {
        q.add(i);
      }
      assertThat(mp.adds.count()).isEqualTo(2);
      assertThat(mp.depth.count()).isEqualTo(1);

      clock.advance(Duration.ofNanos(25_000));
      q.done(i);
      assertThat(mp.duration.lastObservation()).isEqualTo(2.5e-05);
      assertThat(mp.duration.observationCount()).isEqualTo(1);
      assertThat(mp.depth.count()).isEqualTo(1);

      i = q.get();
      assertThat(i).isEqualTo("foo");
      assertThat(mp.latency.lastObservation()).isEqualTo(2.5e-05);
      assertThat(mp.latency.observationCount()).isEqualTo(2);

      clock.advance(Duration.ofMillis(1));
      await().atMost(WAIT).until(() -> mp.unfinished.sets() > 0 && mp.longest.sets() > 0);
      assertThat(mp.unfinished.lastSet()).isEqualTo(.001);
      assertThat(mp.longest.lastSet()).isEqualTo(.001);

      q.done(i);
      assertThat(mp.duration.lastObservation()).isEqualTo(.001);
      assertThat(mp.duration.observationCount()).isEqualTo(2);
    } finally {
      q.shutDown();
    }
  }

  /** Scenario of client-go {@code TestMetricShutdown}. */
  @Test
  void shutDown_stopsUnfinishedWorkUpdates() {
    RealWorkQueue<String> q = RealWorkQueue.create(named("test", mp), Duration.ofMillis(1));
    Thread t = q.metricsThread();
    assertThat(t).isNotNull();
    assertThat(t.getName()).isEqualTo("kube-workqueue-test-metrics");
    assertThat(t.isDaemon()).isTrue();
    clock.advance(Duration.ofMillis(1));
    await().atMost(WAIT).until(() -> mp.unfinished.sets() > 0);
    q.shutDown();
    assertThat(t.isAlive()).isFalse();
    int sets = mp.unfinished.sets();
    clock.advance(Duration.ofHours(1));
    assertThat(mp.unfinished.sets()).isEqualTo(sets);
  }

  @Test
  void unnamedQueue_asksForNoMetricsAndStartsNoThread() throws Exception {
    RealWorkQueue<String> q =
        (RealWorkQueue<String>)
            WorkQueue.create(QueueConfig.<String>builder().metricsProvider(mp).build());
    q.add("a");
    q.done(q.get());
    assertThat(mp.created).hasValue(0);
    assertThat(q.metricsThread()).isNull();
  }

  @Test
  void noopProvider_startsNoThread() {
    RealWorkQueue<String> q =
        (RealWorkQueue<String>) WorkQueue.create(named("quiet", MetricsProvider.noop()));
    assertThat(q.metricsThread()).isNull();
  }

  @Test
  void delayingQueue_countsRetriesUntilShutDown() {
    DelayingQueue<String> q = DelayingQueue.create(named("retrying", mp));
    q.addAfter("a", Duration.ZERO);
    q.addAfter("b", Duration.ofSeconds(1));
    q.addAfter("b", Duration.ofSeconds(2));
    assertThat(mp.retries.count()).isEqualTo(3);
    q.shutDown();
    q.addAfter("c", Duration.ZERO);
    assertThat(mp.retries.count()).isEqualTo(3);
  }

  @Test
  void throwingMetrics_doNotBreakAddGetDone() throws Exception {
    CounterMetric failing =
        () -> {
          throw new IllegalStateException("metric broken");
        };
    MetricsProvider broken =
        new MetricsProvider() {
          @Override
          public GaugeMetric newDepthMetric(String name) {
            return new GaugeMetric() {
              @Override
              public void inc() {
                throw new IllegalStateException("inc broken");
              }

              @Override
              public void dec() {
                throw new IllegalStateException("dec broken");
              }
            };
          }

          @Override
          public CounterMetric newAddsMetric(String name) {
            return failing;
          }

          @Override
          public HistogramMetric newLatencyMetric(String name) {
            return v -> {
              throw new IllegalStateException("observe broken");
            };
          }

          @Override
          public HistogramMetric newWorkDurationMetric(String name) {
            throw new IllegalStateException("provider broken");
          }

          @Override
          public SettableGaugeMetric newUnfinishedWorkSecondsMetric(String name) {
            return v -> {
              throw new IllegalStateException("set broken");
            };
          }

          @Override
          public SettableGaugeMetric newLongestRunningProcessorSecondsMetric(String name) {
            return nullMetric();
          }

          @Override
          public CounterMetric newRetriesMetric(String name) {
            return failing;
          }
        };
    QueueConfig<String> config = named("broken", broken);
    RateLimitingQueue<String> q =
        RealRateLimitingQueue.create(
            RealDelayingQueue.create(RealWorkQueue.create(config, Duration.ofMillis(1)), config),
            RateLimiter.<String>defaultControllerRateLimiter(clock));
    try {
      q.add("a");
      q.add("b");
      assertThat(q.get()).isEqualTo("a");
      q.add("a");
      q.done("a");
      clock.advance(Duration.ofMillis(1));
      q.addRateLimited("c");
      clock.advance(Duration.ofSeconds(1));
      await().atMost(WAIT).until(() -> q.len() == 3);
      assertThat(new String[] {q.get(), q.get(), q.get()}).containsExactly("b", "a", "c");
    } finally {
      q.shutDown();
    }
    assertThat(q.get()).isNull();
  }

  /** What a provider written without null checks might return. */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private static <M> M nullMetric() {
    return (M) null;
  }
}
