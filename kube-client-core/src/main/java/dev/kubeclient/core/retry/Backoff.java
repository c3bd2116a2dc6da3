package dev.kubeclient.core.retry;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A bounded exponential backoff (client-go's {@code wait.Backoff}): at most {@code steps} tries;
 * the wait before try n+1 is {@code duration * factor^(n-1)}, each stretched by up to {@code
 * jitter} of itself at random. Immutable.
 *
 * @param steps tries in all, at least 1
 * @param duration the first wait
 * @param factor the growth of each wait, at least 1
 * @param jitter the random stretch of a wait, as a fraction of it (0 for none)
 */
public record Backoff(int steps, Duration duration, double factor, double jitter) {
  /** client-go's {@code retry.DefaultRetry}: 5 tries, 10 ms apart, 10% jitter. */
  public static final Backoff DEFAULT_RETRY = new Backoff(5, Duration.ofMillis(10), 1.0, 0.1);

  /** client-go's {@code retry.DefaultBackoff}: 4 tries from 10 ms, growing 5 times, 10% jitter. */
  public static final Backoff DEFAULT_BACKOFF = new Backoff(4, Duration.ofMillis(10), 5.0, 0.1);

  /** Checks the values. */
  public Backoff {
    checkArgument(steps >= 1, "steps must be at least 1: %s", steps);
    checkNotNull(duration, "duration");
    checkArgument(!duration.isNegative(), "duration must not be negative: %s", duration);
    checkArgument(factor >= 1.0, "factor must be at least 1: %s", factor);
    checkArgument(jitter >= 0.0, "jitter must not be negative: %s", jitter);
  }

  /** The wait after the try numbered {@code attempt} (1-based), jittered by {@code random}. */
  public Duration delay(int attempt, RandomGenerator random) {
    double base = duration.toNanos() * Math.pow(factor, attempt - 1);
    double stretched = base + (jitter > 0 ? base * jitter * random.nextDouble() : 0);
    return Duration.ofNanos((long) Math.min(stretched, Long.MAX_VALUE));
  }
}
