package dev.kubeclient.informers.workqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs test code on named daemon threads and keeps them, so a test can look at a thread's state and
 * interrupt whatever is left at the end ({@link #close()}).
 */
final class Background implements AutoCloseable {
  private final List<Thread> threads = new ArrayList<>();

  /** A body that may throw. */
  interface Body {
    void run() throws Exception;
  }

  /** Runs {@code body} on a new thread; the future completes when it ends. */
  CompletableFuture<Void> run(String name, Body body) {
    return call(
        name,
        () -> {
          body.run();
          return null;
        });
  }

  /** Runs {@code body} on a new thread; the future completes with its result. */
  <V> CompletableFuture<V> call(String name, Callable<V> body) {
    CompletableFuture<V> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(body.call());
              } catch (Throwable e) {
                f.completeExceptionally(e);
              }
            },
            "test-" + name);
    t.setDaemon(true);
    synchronized (threads) {
      threads.add(t);
    }
    t.start();
    return f;
  }

  /** The thread started with {@code name}. */
  Thread thread(String name) {
    synchronized (threads) {
      for (Thread t : threads) {
        if (t.getName().equals("test-" + name)) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException("no thread " + name);
  }

  /** Whether the thread named {@code name} is parked, e.g. blocked in {@code get()}. */
  boolean isWaiting(String name) {
    Thread.State s = thread(name).getState();
    return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
  }

  /** The future's value, rethrowing what the body threw. */
  static <V> V join(CompletableFuture<V> f) throws Exception {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    synchronized (threads) {
      for (Thread t : threads) {
        t.interrupt();
      }
    }
  }
}
