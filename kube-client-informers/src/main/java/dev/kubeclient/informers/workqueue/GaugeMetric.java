package dev.kubeclient.informers.workqueue;

/**
 * A value that goes up and down by one (client-go's {@code workqueue.GaugeMetric}), such as a
 * queue's depth. Called with the queue's lock held: implementations must be quick, must not block
 * and must not call back into the queue. Exceptions they throw are logged and ignored.
 */
public interface GaugeMetric {
  /** Adds one. */
  void inc();

  /** Subtracts one. */
  void dec();
}
