package dev.kubeclient.informers.workqueue.internal;

import dev.kubeclient.informers.workqueue.CounterMetric;
import dev.kubeclient.informers.workqueue.GaugeMetric;
import dev.kubeclient.informers.workqueue.HistogramMetric;
import dev.kubeclient.informers.workqueue.MetricsProvider;
import dev.kubeclient.informers.workqueue.SettableGaugeMetric;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a user's {@link MetricsProvider} so that it cannot break a queue: a provider method that
 * throws or returns null yields a metric that does nothing, and every metric it makes swallows its
 * own exceptions. Each metric logs its first failure at WARN and later ones at DEBUG, so that a
 * broken metric neither floods the log nor goes unnoticed.
 */
public final class GuardedMetricsProvider implements MetricsProvider {
  private static final Logger log = LoggerFactory.getLogger(GuardedMetricsProvider.class);

  private final MetricsProvider delegate;

  private GuardedMetricsProvider(MetricsProvider delegate) {
    this.delegate = delegate;
  }

  /** Returns {@code provider} guarded; the no-op provider and guarded ones are returned as is. */
  public static MetricsProvider wrap(MetricsProvider provider) {
    if (provider instanceof GuardedMetricsProvider || provider == NoopMetricsProvider.INSTANCE) {
      return provider;
    }
    return new GuardedMetricsProvider(provider);
  }

  @Override
  public GaugeMetric newDepthMetric(String name) {
    return guard(name, "depth", delegate::newDepthMetric);
  }

  @Override
  public CounterMetric newAddsMetric(String name) {
    return guard(name, "adds", delegate::newAddsMetric);
  }

  @Override
  public HistogramMetric newLatencyMetric(String name) {
    return guard(name, "latency", delegate::newLatencyMetric);
  }

  @Override
  public HistogramMetric newWorkDurationMetric(String name) {
    return guard(name, "work duration", delegate::newWorkDurationMetric);
  }

  @Override
  public SettableGaugeMetric newUnfinishedWorkSecondsMetric(String name) {
    return guard(name, "unfinished work seconds", delegate::newUnfinishedWorkSecondsMetric);
  }

  @Override
  public SettableGaugeMetric newLongestRunningProcessorSecondsMetric(String name) {
    return guard(
        name,
        "longest running processor seconds",
        delegate::newLongestRunningProcessorSecondsMetric);
  }

  @Override
  public CounterMetric newRetriesMetric(String name) {
    return guard(name, "retries", delegate::newRetriesMetric);
  }

  @Override
  public String toString() {
    return "Guarded(" + delegate + ")";
  }

  /**
   * Makes the {@code metric} of queue {@code name} with {@code make}; returns it guarded, or the
   * no-op metric when making it failed.
   */
  private static Guarded guard(
      String name, String metric, Function<String, @Nullable Object> make) {
    Object m;
    try {
      m = make.apply(name);
    } catch (RuntimeException e) {
      log.warn("Metrics provider failed to create the {} metric of workqueue {}", metric, name, e);
      m = null;
    }
    if (m == null) {
      log.warn("Workqueue {} has no {} metric", name, metric);
      m = NoopMetric.INSTANCE;
    }
    return new Guarded(name, metric, m);
  }

  /**
   * One user metric behind a guard. It implements every metric interface so that one class serves
   * all kinds; the provider's typed methods hand it out only as the kind it was made as, so the
   * casts below cannot fail.
   */
  private static final class Guarded
      implements GaugeMetric, CounterMetric, SettableGaugeMetric, HistogramMetric {
    private final String queue;
    private final String metric;
    private final Object delegate;
    private final AtomicBoolean warned = new AtomicBoolean();

    Guarded(String queue, String metric, Object delegate) {
      this.queue = queue;
      this.metric = metric;
      this.delegate = delegate;
    }

    @Override
    public void inc() {
      try {
        if (delegate instanceof GaugeMetric) {
          ((GaugeMetric) delegate).inc();
        } else {
          ((CounterMetric) delegate).inc();
        }
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    @Override
    public void dec() {
      try {
        ((GaugeMetric) delegate).dec();
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    @Override
    public void set(double value) {
      try {
        ((SettableGaugeMetric) delegate).set(value);
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    @Override
    public void observe(double value) {
      try {
        ((HistogramMetric) delegate).observe(value);
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    private void failed(RuntimeException e) {
      if (warned.compareAndSet(false, true)) {
        log.warn(
            "The {} metric of workqueue {} failed; further failures are logged at DEBUG",
            metric,
            queue,
            e);
      } else {
        log.debug("The {} metric of workqueue {} failed", metric, queue, e);
      }
    }
  }
}
