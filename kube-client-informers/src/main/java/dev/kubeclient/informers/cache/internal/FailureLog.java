package dev.kubeclient.informers.cache.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Logs each distinct failure of a reflector once, at WARN with its cause, and repeats of it at
 * DEBUG, until the reflector recovers; so an informer that cannot reach its server for an hour
 * leaves one warning per kind of failure, not one per retry. A failure's identity is what failed,
 * the exception type and its message without digits (resourceVersions and ports change between
 * repeats).
 *
 * <p>Thread-safe.
 */
public final class FailureLog {
  private static final int MAX_REMEMBERED = 64;

  private final Logger log;
  private final String identity;

  /** Guarded by {@code this}. */
  private final Set<String> seen = new LinkedHashSet<>();

  /** Logs to {@code log}, starting each line with {@code identity} (reflector and type). */
  public FailureLog(Logger log, String identity) {
    this.log = log;
    this.identity = identity;
  }

  /** Logs {@code error} as the failure of {@code what}: at WARN the first time. */
  public void failed(String what, Throwable error) {
    String signature = what + '|' + error.getClass().getName() + '|' + normalize(error);
    boolean first;
    synchronized (this) {
      first = seen.add(signature);
      if (seen.size() > MAX_REMEMBERED) {
        seen.remove(seen.iterator().next());
      }
    }
    if (first) {
      log.warn("{}: {}: {}", identity, what, error.toString(), error);
    } else {
      log.debug("{}: {} again: {}", identity, what, error.toString());
    }
  }

  /** Forgets the failures seen: the next one is logged at WARN again. */
  public void recovered() {
    boolean had;
    synchronized (this) {
      had = !seen.isEmpty();
      seen.clear();
    }
    if (had) {
      log.debug("{}: recovered", identity);
    }
  }

  private static String normalize(Throwable error) {
    String m = String.valueOf(error.getMessage());
    return m.replaceAll("[0-9]+", "#");
  }
}
