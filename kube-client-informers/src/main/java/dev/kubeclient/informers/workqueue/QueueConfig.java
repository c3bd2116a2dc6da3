package dev.kubeclient.informers.workqueue;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Options of a work queue (client-go's {@code TypedQueueConfig}, {@code TypedDelayingQueueConfig}
 * and {@code TypedRateLimitingQueueConfig} in one): its name, clock, metrics provider and, for a
 * {@link RateLimitingQueue}, its rate limiter. Pass it to {@link WorkQueue#create(QueueConfig)},
 * {@link DelayingQueue#create(QueueConfig)} or {@link RateLimitingQueue#create(QueueConfig)}.
 *
 * <pre>{@code
 * QueueConfig<String> config = QueueConfig.<String>builder()
 *     .name("deployments")
 *     .metricsProvider(myProvider)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use; derive variants with {@link #newBuilder()}. A rate
 * limiter keeps per-item state: a config that carries one shares it with every queue made from it.
 *
 * @param <T> the item type of the queues made from it
 */
public final class QueueConfig<T> {
  private final String name;
  private final Clock clock;
  private final MetricsProvider metricsProvider;
  private final @Nullable RateLimiter<T> rateLimiter;

  private QueueConfig(Builder<T> b) {
    this.name = b.name;
    this.clock = b.clock;
    this.metricsProvider = b.metricsProvider;
    this.rateLimiter = b.rateLimiter;
  }

  /**
   * Returns a builder of an unnamed queue on the system clock, with no metrics and the default rate
   * limiter.
   *
   * @param <T> the item type
   */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** Returns a builder holding this config's values. */
  public Builder<T> newBuilder() {
    Builder<T> b = new Builder<>();
    b.name = name;
    b.clock = clock;
    b.metricsProvider = metricsProvider;
    b.rateLimiter = rateLimiter;
    return b;
  }

  /**
   * The queue's name, which names its metrics and threads; empty for an unnamed queue, which has no
   * metrics.
   */
  public String name() {
    return name;
  }

  /** The clock of delays, rate limits and metrics. */
  public Clock clock() {
    return clock;
  }

  /** The provider of the queue's metrics; {@link MetricsProvider#noop()} when none was set. */
  public MetricsProvider metricsProvider() {
    return metricsProvider;
  }

  /**
   * The rate limiter of a {@link RateLimitingQueue}, or {@code null} for a new {@link
   * RateLimiter#defaultControllerRateLimiter(Clock)} on {@link #clock()} per queue.
   */
  public @Nullable RateLimiter<T> rateLimiter() {
    return rateLimiter;
  }

  @Override
  public String toString() {
    return "QueueConfig{name="
        + name
        + ", clock="
        + clock
        + ", metricsProvider="
        + metricsProvider
        + ", rateLimiter="
        + (rateLimiter == null ? "default" : rateLimiter)
        + "}";
  }

  /**
   * Builds a {@link QueueConfig}; not thread-safe.
   *
   * @param <T> the item type
   */
  public static final class Builder<T> {
    private String name = "";
    private Clock clock = Clock.system();
    private MetricsProvider metricsProvider = MetricsProvider.noop();
    private @Nullable RateLimiter<T> rateLimiter;

    private Builder() {}

    /**
     * Names the queue; the empty string (the default) makes it unnamed, without metrics.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public Builder<T> name(String name) {
      this.name = checkNotNull(name, "name");
      return this;
    }

    /**
     * Sets the clock; {@link Clock#system()} by default, a fake clock in tests.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder<T> clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Sets the metrics provider; used only when the queue has a name.
     *
     * @throws NullPointerException if {@code metricsProvider} is null
     */
    public Builder<T> metricsProvider(MetricsProvider metricsProvider) {
      this.metricsProvider = checkNotNull(metricsProvider, "metricsProvider");
      return this;
    }

    /**
     * Sets the rate limiter of a {@link RateLimitingQueue}; other queues ignore it.
     *
     * @throws NullPointerException if {@code rateLimiter} is null
     */
    public Builder<T> rateLimiter(RateLimiter<T> rateLimiter) {
      this.rateLimiter = checkNotNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** Returns the config. */
    public QueueConfig<T> build() {
      return new QueueConfig<>(this);
    }
  }
}
