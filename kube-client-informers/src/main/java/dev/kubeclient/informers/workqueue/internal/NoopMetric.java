package dev.kubeclient.informers.workqueue.internal;

import dev.kubeclient.informers.workqueue.CounterMetric;
import dev.kubeclient.informers.workqueue.GaugeMetric;
import dev.kubeclient.informers.workqueue.HistogramMetric;
import dev.kubeclient.informers.workqueue.SettableGaugeMetric;

/** A metric of every kind that records nothing. */
public enum NoopMetric implements GaugeMetric, CounterMetric, SettableGaugeMetric, HistogramMetric {
  INSTANCE;

  @Override
  public void inc() {}

  @Override
  public void dec() {}

  @Override
  public void set(double value) {}

  @Override
  public void observe(double value) {}
}
