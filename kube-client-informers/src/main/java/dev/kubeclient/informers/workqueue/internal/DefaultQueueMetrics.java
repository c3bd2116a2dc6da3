package dev.kubeclient.informers.workqueue.internal;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.workqueue.CounterMetric;
import dev.kubeclient.informers.workqueue.GaugeMetric;
import dev.kubeclient.informers.workqueue.HistogramMetric;
import dev.kubeclient.informers.workqueue.MetricsProvider;
import dev.kubeclient.informers.workqueue.SettableGaugeMetric;
import java.util.HashMap;
import java.util.Map;

/**
 * The metrics of one named queue (client-go's {@code defaultQueueMetrics}): it remembers when each
 * item was added and when each was handed out, to observe waiting and processing times.
 *
 * <p>Confined to the owning queue's lock: every method is called with it held, which keeps the two
 * maps in step with the queue. The metrics it calls are guarded ({@link GuardedMetricsProvider}).
 *
 * @param <T> the item type
 */
final class DefaultQueueMetrics<T> {
  private final Clock clock;
  private final GaugeMetric depth;
  private final CounterMetric adds;
  private final HistogramMetric latency;
  private final HistogramMetric workDuration;
  private final SettableGaugeMetric unfinishedWorkSeconds;
  private final SettableGaugeMetric longestRunningProcessor;

  /** When each dirty item was first added since it was last handed out, in clock nanos. */
  private final Map<T, Long> addTimes = new HashMap<>();

  /** When each processing item was handed out, in clock nanos. */
  private final Map<T, Long> processingStartTimes = new HashMap<>();

  DefaultQueueMetrics(Clock clock, MetricsProvider guardedProvider, String name) {
    this.clock = clock;
    this.depth = guardedProvider.newDepthMetric(name);
    this.adds = guardedProvider.newAddsMetric(name);
    this.latency = guardedProvider.newLatencyMetric(name);
    this.workDuration = guardedProvider.newWorkDurationMetric(name);
    this.unfinishedWorkSeconds = guardedProvider.newUnfinishedWorkSecondsMetric(name);
    this.longestRunningProcessor = guardedProvider.newLongestRunningProcessorSecondsMetric(name);
  }

  /** An add that made {@code item} dirty. */
  void add(T item) {
    adds.inc();
    depth.inc();
    addTimes.putIfAbsent(item, clock.nanoTime());
  }

  /** {@code item} was handed out. */
  void get(T item) {
    depth.dec();
    long now = clock.nanoTime();
    processingStartTimes.put(item, now);
    Long added = addTimes.remove(item);
    if (added != null) {
      latency.observe(seconds(now - added));
    }
  }

  /** {@code item} is done. */
  void done(T item) {
    Long started = processingStartTimes.remove(item);
    if (started != null) {
      workDuration.observe(seconds(clock.nanoTime() - started));
    }
  }

  /** Sets the two unfinished-work gauges from the items processing now. */
  void updateUnfinishedWork() {
    long now = clock.nanoTime();
    double total = 0;
    double oldest = 0;
    for (long started : processingStartTimes.values()) {
      double age = seconds(now - started);
      total += age;
      oldest = Math.max(oldest, age);
    }
    unfinishedWorkSeconds.set(total);
    longestRunningProcessor.set(oldest);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
