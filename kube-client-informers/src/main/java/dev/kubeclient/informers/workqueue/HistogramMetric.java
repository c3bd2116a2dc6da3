package dev.kubeclient.informers.workqueue;

/**
 * Observations of a quantity, such as how long items wait (client-go's {@code
 * workqueue.HistogramMetric}). Called with the queue's lock held: implementations must be quick,
 * must not block and must not call back into the queue. Exceptions they throw are logged and
 * ignored.
 */
public interface HistogramMetric {
  /** Records one observation. */
  void observe(double value);
}
