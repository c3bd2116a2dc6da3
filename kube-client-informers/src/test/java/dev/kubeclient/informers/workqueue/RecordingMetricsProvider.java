package dev.kubeclient.informers.workqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A {@link MetricsProvider} that hands out one {@link Recording} per metric and remembers what was
 * done to it; the Java form of client-go's {@code testMetricsProvider}. An optional check runs on
 * every call (to assert which locks are held), and its failures are collected.
 */
final class RecordingMetricsProvider implements MetricsProvider {
  final Recording depth = new Recording();
  final Recording adds = new Recording();
  final Recording latency = new Recording();
  final Recording duration = new Recording();
  final Recording unfinished = new Recording();
  final Recording longest = new Recording();
  final Recording retries = new Recording();

  /** How many metrics were asked for. */
  final AtomicInteger created = new AtomicInteger();

  /** Runs on every metric call; a false result is recorded in {@link #violations}. */
  volatile BooleanSupplier check = () -> true;

  final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());

  @Override
  public GaugeMetric newDepthMetric(String name) {
    created.incrementAndGet();
    return depth;
  }

  @Override
  public CounterMetric newAddsMetric(String name) {
    created.incrementAndGet();
    return adds;
  }

  @Override
  public HistogramMetric newLatencyMetric(String name) {
    created.incrementAndGet();
    return latency;
  }

  @Override
  public HistogramMetric newWorkDurationMetric(String name) {
    created.incrementAndGet();
    return duration;
  }

  @Override
  public SettableGaugeMetric newUnfinishedWorkSecondsMetric(String name) {
    created.incrementAndGet();
    return unfinished;
  }

  @Override
  public SettableGaugeMetric newLongestRunningProcessorSecondsMetric(String name) {
    created.incrementAndGet();
    return longest;
  }

  @Override
  public CounterMetric newRetriesMetric(String name) {
    created.incrementAndGet();
    return retries;
  }

  /** One metric of any kind. */
  final class Recording
      implements GaugeMetric, CounterMetric, SettableGaugeMetric, HistogramMetric {
    private long inc;
    private long dec;
    private double set;
    private int sets;
    private final List<Double> observations = new ArrayList<>();

    private void checked(String what) {
      if (!check.getAsBoolean()) {
        violations.add(what + " on " + Thread.currentThread().getName());
      }
    }

    @Override
    public synchronized void inc() {
      checked("inc");
      inc++;
    }

    @Override
    public synchronized void dec() {
      checked("dec");
      dec++;
    }

    @Override
    public synchronized void set(double value) {
      checked("set");
      set = value;
      sets++;
    }

    @Override
    public synchronized void observe(double value) {
      checked("observe");
      observations.add(value);
    }

    /** Increments minus decrements: a gauge's or counter's value. */
    synchronized long count() {
      return inc - dec;
    }

    synchronized double lastSet() {
      return set;
    }

    synchronized int sets() {
      return sets;
    }

    synchronized double lastObservation() {
      return observations.isEmpty() ? Double.NaN : observations.get(observations.size() - 1);
    }

    synchronized int observationCount() {
      return observations.size();
    }
  }
}
