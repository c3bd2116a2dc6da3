package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The reflector's backoff: apimachinery's {@code wait.Backoff} stepped through {@code
 * DelayWithReset}, with the reflector's constants. Each step is the current duration plus up to
 * {@code jitter} times it; the duration doubles until it would pass the cap, after which every step
 * is the cap plus jitter, so that an unhealthy server sees one try in [30 s, 60 s). The whole
 * sequence starts over once {@code resetInterval} has passed since it last started, as client-go's
 * {@code backoffManager} does.
 *
 * <p>Thread-safe.
 */
public final class ReflectorBackoff {
  /** client-go's {@code defaultBackoffInit}: the first retry after 0.8-1.6 s. */
  public static final Duration INITIAL = Duration.ofMillis(800);

  /** client-go's {@code defaultBackoffMax}: about 0.22 QPS against an unhealthy server. */
  public static final Duration MAX = Duration.ofSeconds(30);

  /** client-go's {@code defaultBackoffReset}: two minutes without backoff means healthy. */
  public static final Duration RESET = Duration.ofMinutes(2);

  /** client-go's {@code defaultBackoffFactor}. */
  public static final double FACTOR = 2.0;

  /** client-go's {@code defaultBackoffJitter}: up to 100% on top. */
  public static final double JITTER = 1.0;

  private final Clock clock;
  private final RandomGenerator random;
  private final long initialNanos;
  private final long capNanos;
  private final int initialSteps;
  private final long resetNanos;

  /** Guarded by {@code this}. */
  private long durationNanos;

  /** Guarded by {@code this}. */
  private int steps;

  /** Guarded by {@code this}. */
  private long lastStartNanos;

  /** The reflector's defaults. */
  public ReflectorBackoff(Clock clock, RandomGenerator random) {
    this(clock, random, INITIAL, MAX, RESET);
  }

  /** A backoff with other bounds (tests). */
  public ReflectorBackoff(
      Clock clock, RandomGenerator random, Duration initial, Duration cap, Duration reset) {
    this.clock = clock;
    this.random = random;
    this.initialNanos = initial.toNanos();
    this.capNanos = cap.toNanos();
    this.initialSteps = (int) Math.ceil((double) capNanos / initialNanos);
    this.resetNanos = reset.toNanos();
    this.durationNanos = initialNanos;
    this.steps = initialSteps;
    this.lastStartNanos = clock.nanoTime();
  }

  /** The next delay to wait. */
  public synchronized Duration next() {
    long now = clock.nanoTime();
    if (now - lastStartNanos > resetNanos) {
      durationNanos = initialNanos;
      steps = initialSteps;
      lastStartNanos = now;
    }
    if (steps < 1) {
      return Duration.ofNanos(jitter(durationNanos));
    }
    steps--;
    long current = durationNanos;
    long next = (long) (current * FACTOR);
    if (next > capNanos) {
      next = capNanos;
      steps = 0;
    }
    durationNanos = next;
    return Duration.ofNanos(jitter(current));
  }

  private long jitter(long nanos) {
    return nanos + (long) (random.nextDouble() * JITTER * nanos);
  }
}
