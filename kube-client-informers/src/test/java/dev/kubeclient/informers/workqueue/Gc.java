package dev.kubeclient.informers.workqueue;

import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;

/** Waits for the garbage collector, for leak tests (guava-testlib's GcFinalization, in small). */
final class Gc {
  private Gc() {}

  /** Runs the collector until {@code ref} is cleared; fails after ten seconds. */
  static void awaitCleared(WeakReference<?> ref) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              System.gc();
              return ref.get() == null;
            });
  }
}
