package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.codec.Codec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds code that mutates objects shared through an informer's cache: client-go's {@code
 * defaultCacheMutationDetector}. Every object added to the cache is encoded to JSON at once; a
 * check (every second, on the timer) encodes each kept object again and compares. Copies are kept
 * between two and four minutes (two generations rotated every two minutes). A difference is
 * reported to {@code onMutation} once. Test mode only: it costs a JSON copy of every object.
 *
 * <p>Thread-safe.
 */
final class MutationDetector {
  static final Duration PERIOD = Duration.ofSeconds(1);
  static final Duration RETAIN = Duration.ofMinutes(2);

  private record Copy(Object cached, byte[] json) {}

  private final String name;
  private final Consumer<String> onMutation;
  private final long retainNanos;

  /** Guarded by {@code this}. */
  private List<Copy> current = new ArrayList<>();

  /** Guarded by {@code this}. */
  private List<Copy> retained = new ArrayList<>();

  /** Guarded by {@code this}. */
  private long rotatedNanos;

  /** Guarded by {@code this}. */
  private boolean reported;

  MutationDetector(String name, Consumer<String> onMutation, long nowNanos) {
    this.name = name;
    this.onMutation = onMutation;
    this.retainNanos = RETAIN.toNanos();
    this.rotatedNanos = nowNanos;
  }

  void addObject(Object obj) {
    Copy c = new Copy(obj, Codec.encode(obj));
    synchronized (this) {
      current.add(c);
    }
  }

  /** Compares every kept object with its copy. */
  void compareObjects(long nowNanos) {
    List<Copy> check;
    synchronized (this) {
      if (reported) {
        return;
      }
      if (nowNanos - rotatedNanos > retainNanos) {
        retained = current;
        current = new ArrayList<>();
        rotatedNanos = nowNanos;
      }
      check = new ArrayList<>(retained);
      check.addAll(current);
    }
    for (Copy c : check) {
      if (!Arrays.equals(c.json, Codec.encode(c.cached))) {
        synchronized (this) {
          if (reported) {
            return;
          }
          reported = true;
        }
        onMutation.accept(
            "cache "
                + name
                + " modified: an object shared through the informer's cache was mutated: "
                + describe(c.cached));
        return;
      }
    }
  }

  private static String describe(Object o) {
    if (o instanceof dev.kubeclient.core.KubernetesObject k && k.getMetadata() != null) {
      return k.getKind() + " " + k.getMetadata().getNamespace() + "/" + k.getMetadata().getName();
    }
    return o.getClass().getSimpleName();
  }
}
