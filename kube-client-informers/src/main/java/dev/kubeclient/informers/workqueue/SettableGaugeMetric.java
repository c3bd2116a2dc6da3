package dev.kubeclient.informers.workqueue;

/**
 * A value that is set (client-go's {@code workqueue.SettableGaugeMetric}), such as the seconds of
 * unfinished work. Called with the queue's lock held: implementations must be quick, must not block
 * and must not call back into the queue. Exceptions they throw are logged and ignored.
 */
public interface SettableGaugeMetric {
  /** Sets the value. */
  void set(double value);
}
