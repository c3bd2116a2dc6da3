package dev.kubeclient.informers.workqueue.internal;

import dev.kubeclient.informers.workqueue.MetricsProvider;

/**
 * The provider of no metrics; queues recognise it by identity and then keep no metrics state and
 * run no metrics thread.
 */
public enum NoopMetricsProvider implements MetricsProvider {
  INSTANCE;

  @Override
  public String toString() {
    return "MetricsProvider.noop()";
  }
}
