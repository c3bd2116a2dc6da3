package dev.kubeclient.informers.workqueue.internal;

/** Starts and ends the queues' background threads: named, daemon, joined on shutdown. */
final class QueueThreads {
  private QueueThreads() {}

  /** {@code kube-workqueue-<name>-<role>}, or {@code kube-workqueue-<role>} when unnamed. */
  static String name(String queueName, String role) {
    return queueName.isEmpty()
        ? "kube-workqueue-" + role
        : "kube-workqueue-" + queueName + "-" + role;
  }

  /** Starts a daemon thread named {@code name} running {@code body}. */
  static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Waits for {@code t} to end, unless it is the calling thread (a metric or rate limiter that
   * shuts its own queue down). Interruption ends the wait early and is kept for the caller.
   */
  static void join(Thread t) {
    if (t == Thread.currentThread()) {
      return;
    }
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
