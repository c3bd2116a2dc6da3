package dev.kubeclient.informers.workqueue;

/**
 * A count that only goes up (client-go's {@code workqueue.CounterMetric}), such as the adds to a
 * queue. May be called with the queue's lock held: implementations must be quick, must not block
 * and must not call back into the queue. Exceptions they throw are logged and ignored.
 */
public interface CounterMetric {
  /** Adds one. */
  void inc();
}
