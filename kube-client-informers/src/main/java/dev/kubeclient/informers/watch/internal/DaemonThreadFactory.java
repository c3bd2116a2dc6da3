package dev.kubeclient.informers.watch.internal;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names threads {@code <prefix>-<n>} and makes them daemon threads: the controller tools' helper
 * threads (a watch deadline, a lease's request worker, an event sink) must never keep the JVM alive
 * on their own. Safe for concurrent use.
 */
public final class DaemonThreadFactory implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger ids = new AtomicInteger();

  /** A factory naming threads after {@code prefix}. */
  public DaemonThreadFactory(String prefix) {
    this.prefix = checkNotNull(prefix, "prefix");
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + "-" + ids.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
