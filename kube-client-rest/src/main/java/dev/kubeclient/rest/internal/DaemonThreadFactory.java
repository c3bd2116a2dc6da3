package dev.kubeclient.rest.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names threads {@code <prefix>-<n>} and makes them daemon threads, so that HTTP machinery never
 * keeps the JVM alive after the application's own threads end.
 */
public final class DaemonThreadFactory implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger ids = new AtomicInteger();

  /** Creates a factory naming threads after {@code prefix}. */
  public DaemonThreadFactory(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + "-" + ids.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
