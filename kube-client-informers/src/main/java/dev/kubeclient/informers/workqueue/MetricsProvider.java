package dev.kubeclient.informers.workqueue;

import dev.kubeclient.informers.workqueue.internal.NoopMetric;
import dev.kubeclient.informers.workqueue.internal.NoopMetricsProvider;

/**
 * Makes the metrics of a named queue (client-go's {@code workqueue.MetricsProvider}), so that
 * kube-client needs no metrics library: an adapter to Micrometer, Prometheus or anything else
 * implements this and a few one-method interfaces. Each method is called once per queue, when the
 * queue is created, with the queue's name; the usual export names (those of Kubernetes' component
 * metrics, labelled with the queue {@code name}) are given on each method.
 *
 * <p>Unnamed queues ask for no metrics, and neither does any queue when the provider is {@link
 * #noop()}: then no metrics thread runs either. A provider that throws, returns {@code null}, or
 * hands out metrics that throw cannot break a queue: the failure is logged and the metric ignored.
 *
 * <p>Each method has a default that returns a metric doing nothing, so an adapter implements only
 * what it exports. Implementations must be safe for concurrent use.
 */
public interface MetricsProvider {
  /** The provider that makes no metrics; the default of {@link QueueConfig}. */
  static MetricsProvider noop() {
    return NoopMetricsProvider.INSTANCE;
  }

  /** Items waiting to be handed out: {@code workqueue_depth}. */
  default GaugeMetric newDepthMetric(String name) {
    return NoopMetric.INSTANCE;
  }

  /** Adds that were not collapsed into an item already waiting: {@code workqueue_adds_total}. */
  default CounterMetric newAddsMetric(String name) {
    return NoopMetric.INSTANCE;
  }

  /**
   * Seconds an item waited between being added and being handed out: {@code
   * workqueue_queue_duration_seconds}.
   */
  default HistogramMetric newLatencyMetric(String name) {
    return NoopMetric.INSTANCE;
  }

  /**
   * Seconds from handing an item out to its {@code done}: {@code workqueue_work_duration_seconds}.
   */
  default HistogramMetric newWorkDurationMetric(String name) {
    return NoopMetric.INSTANCE;
  }

  /**
   * The sum of the seconds that items handed out and not yet done have been processing, set twice a
   * second; growing fast means stuck workers: {@code workqueue_unfinished_work_seconds}.
   */
  default SettableGaugeMetric newUnfinishedWorkSecondsMetric(String name) {
    return NoopMetric.INSTANCE;
  }

  /**
   * The seconds the longest-processing item has been processing, set twice a second: {@code
   * workqueue_longest_running_processor_seconds}.
   */
  default SettableGaugeMetric newLongestRunningProcessorSecondsMetric(String name) {
    return NoopMetric.INSTANCE;
  }

  /**
   * Calls of {@link DelayingQueue#addAfter} (and so of {@link RateLimitingQueue#addRateLimited})
   * while the queue runs: {@code workqueue_retries_total}.
   */
  default CounterMetric newRetriesMetric(String name) {
    return NoopMetric.INSTANCE;
  }
}
