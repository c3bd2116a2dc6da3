package dev.kubeclient.core.retry;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The parameters of an exponential backoff (apimachinery's {@code wait.Backoff}). Immutable; the
 * sequence of waits comes from a {@link Stepper}, which mirrors Go's {@code Backoff.Step()}:
 *
 * <ul>
 *   <li>The first wait is {@code duration}; while steps remain, each step multiplies the duration
 *       by {@code factor} for the next one.
 *   <li>When a multiplication would pass a non-zero {@code cap}, the duration becomes the cap and
 *       no steps remain (kubernetes#131122 explains why Go ends there rather than staying at the
 *       cap: a cap marks the end of the growth, and {@link Retry} stops trying).
 *   <li>Once no steps remain, every further wait is the last duration.
 *   <li>Each wait (never the duration it grows from) is stretched by a random amount between zero
 *       and {@code jitter * wait}.
 * </ul>
 *
 * <p>{@link Retry} tries an operation at most {@code steps} times, waiting one step between tries.
 *
 * <pre>{@code
 * // 1 s, 2 s, 4 s, ... up to 1 min, each stretched by up to 10%
 * Backoff b = new Backoff(Integer.MAX_VALUE, Duration.ofSeconds(1), 2.0, 0.1, Duration.ofMinutes(1));
 * Backoff.Stepper s = b.stepper(new Random());
 * Duration wait = s.step();
 * }</pre>
 *
 * @param steps how many times the duration may still change; for {@link Retry}, the number of tries
 *     in all; at least 1
 * @param duration the first wait
 * @param factor the growth of the duration at each step, at least 1 (1 for a constant wait)
 * @param jitter the random stretch of a wait, as a fraction of it (0 for none)
 * @param cap the limit of the duration, {@link Duration#ZERO} for none
 */
public record Backoff(int steps, Duration duration, double factor, double jitter, Duration cap) {
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
    checkNotNull(cap, "cap");
    checkArgument(!cap.isNegative(), "cap must not be negative: %s", cap);
  }

  /** A backoff without cap. */
  public Backoff(int steps, Duration duration, double factor, double jitter) {
    this(steps, duration, factor, jitter, Duration.ZERO);
  }

  /** This backoff with {@code cap} as the limit of the duration ({@link Duration#ZERO}: none). */
  public Backoff withCap(Duration cap) {
    return new Backoff(steps, duration, factor, jitter, cap);
  }

  /** A new sequence of waits from this backoff, jittered with {@code random}. */
  public Stepper stepper(RandomGenerator random) {
    return new Stepper(this, checkNotNull(random, "random"));
  }

  /**
   * The wait after the try numbered {@code attempt} (1-based): the {@code attempt}-th step of a new
   * {@link #stepper}.
   */
  public Duration delay(int attempt, RandomGenerator random) {
    checkArgument(attempt >= 1, "attempt must be at least 1: %s", attempt);
    Stepper s = stepper(random);
    Duration d = Duration.ZERO;
    for (int i = 0; i < attempt; i++) {
      d = s.step();
    }
    return d;
  }

  /**
   * {@code duration} stretched by a random amount between zero and {@code maxFactor * duration}
   * (apimachinery's {@code wait.Jitter}); a {@code maxFactor} of zero or less counts as 1.
   */
  public static Duration jitter(Duration duration, double maxFactor, RandomGenerator random) {
    checkNotNull(duration, "duration");
    checkNotNull(random, "random");
    double factor = maxFactor <= 0.0 ? 1.0 : maxFactor;
    return Duration.ofNanos(stretch(duration.toNanos(), random.nextDouble() * factor));
  }

  /** {@code nanos} plus the truncated {@code fraction} of it, saturating as Go's int64 does not. */
  private static long stretch(long nanos, double fraction) {
    long extra = saturatedNanos(fraction * nanos);
    return nanos > Long.MAX_VALUE - extra ? Long.MAX_VALUE : nanos + extra;
  }

  private static long saturatedNanos(double nanos) {
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
  }

  /**
   * One walk through the waits of a {@link Backoff} (Go's {@code Backoff.Step()} on a copy).
   * Confined to one thread.
   */
  public static final class Stepper {
    private final double factor;
    private final double jitter;
    private final long capNanos;
    private final RandomGenerator random;
    private long durationNanos;
    private int steps;

    private Stepper(Backoff b, RandomGenerator random) {
      this.factor = b.factor;
      this.jitter = b.jitter;
      this.capNanos = b.cap.toNanos();
      this.random = random;
      this.durationNanos = b.duration.toNanos();
      this.steps = b.steps;
    }

    /** How many times the duration may still change; 0 once the steps or the cap are reached. */
    public int steps() {
      return steps;
    }

    /** The next wait, advancing the sequence. */
    public Duration step() {
      long current = durationNanos;
      if (steps >= 1) {
        steps--;
        long next = saturatedNanos(current * factor);
        if (capNanos > 0 && next > capNanos) {
          next = capNanos;
          steps = 0;
        }
        durationNanos = next;
      }
      if (jitter > 0) {
        return Duration.ofNanos(stretch(current, random.nextDouble() * jitter));
      }
      return Duration.ofNanos(current);
    }
  }
}
