package dev.kubeclient.informers.leaderelection;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.informers.leaderelection.resourcelock.ResourceLock;
import dev.kubeclient.informers.watch.internal.DaemonThreadFactory;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadFactory;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link LeaderElector} (client-go's {@code LeaderElectionConfig}), with the
 * durations core Kubernetes components use by default. Immutable; build with {@link #builder()}.
 *
 * <p>Tuning, as client-go explains it: a new candidate waits a whole {@code leaseDuration} without
 * seeing the record change before it takes over, and the leader gives up {@code renewDeadline}
 * after its last successful renewal was sent, so {@code leaseDuration / renewDeadline} is the
 * tolerated ratio between the fastest and the slowest clock among candidates.
 */
public final class LeaderElectionConfig {
  /** client-go's {@code JitterFactor}: waits between acquire attempts are stretched up to 120%. */
  public static final double JITTER_FACTOR = 1.2;

  /** The lease duration core components use. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);

  /** The renew deadline core components use. */
  public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);

  /** The retry period core components use. */
  public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

  private final ResourceLock lock;
  private final Duration leaseDuration;
  private final Duration renewDeadline;
  private final Duration retryPeriod;
  private final LeaderCallbacks callbacks;
  private final boolean releaseOnCancel;
  private final String name;
  private final Clock clock;
  private final RandomGenerator random;
  private final ThreadFactory threadFactory;

  private LeaderElectionConfig(Builder b, ResourceLock lock, LeaderCallbacks callbacks) {
    this.lock = lock;
    this.leaseDuration = b.leaseDuration;
    this.renewDeadline = b.renewDeadline;
    this.retryPeriod = b.retryPeriod;
    this.callbacks = callbacks;
    this.releaseOnCancel = b.releaseOnCancel;
    this.name = b.name != null ? b.name : lock.describe();
    this.clock = b.clock;
    this.random = b.random != null ? b.random : new Random();
    this.threadFactory =
        b.threadFactory != null
            ? b.threadFactory
            : new DaemonThreadFactory("kube-leader-election-" + this.name.replace('/', '-'));
  }

  /** A builder with the default durations. */
  public static Builder builder() {
    return new Builder();
  }

  /** The lock the election is held in. */
  public ResourceLock lock() {
    return lock;
  }

  /** How long others wait without seeing the record change before taking over. */
  public Duration leaseDuration() {
    return leaseDuration;
  }

  /** How long after its last successful renewal was sent the leader gives up. */
  public Duration renewDeadline() {
    return renewDeadline;
  }

  /** The time between tries. */
  public Duration retryPeriod() {
    return retryPeriod;
  }

  /** The callbacks. */
  public LeaderCallbacks callbacks() {
    return callbacks;
  }

  /** Whether the lease is released when the elector is closed while leading. */
  public boolean releaseOnCancel() {
    return releaseOnCancel;
  }

  /** The name in logs and thread names; the lock's description by default. */
  public String name() {
    return name;
  }

  /** The clock all timing is measured on. */
  public Clock clock() {
    return clock;
  }

  RandomGenerator random() {
    return random;
  }

  ThreadFactory threadFactory() {
    return threadFactory;
  }

  /** Builds a {@link LeaderElectionConfig}; not thread-safe. */
  public static final class Builder {
    private @Nullable ResourceLock lock;
    private Duration leaseDuration = DEFAULT_LEASE_DURATION;
    private Duration renewDeadline = DEFAULT_RENEW_DEADLINE;
    private Duration retryPeriod = DEFAULT_RETRY_PERIOD;
    private @Nullable LeaderCallbacks callbacks;
    private boolean releaseOnCancel;
    private @Nullable String name;
    private Clock clock = Clock.system();
    private @Nullable RandomGenerator random;
    private @Nullable ThreadFactory threadFactory;

    private Builder() {}

    /**
     * The lock to elect on, such as a {@link
     * dev.kubeclient.informers.leaderelection.resourcelock.LeaseLock}. Required.
     */
    public Builder lock(ResourceLock lock) {
      this.lock = checkNotNull(lock, "lock");
      return this;
    }

    /** Default 15 s. */
    public Builder leaseDuration(Duration leaseDuration) {
      this.leaseDuration = positive(leaseDuration, "leaseDuration");
      return this;
    }

    /** Default 10 s. */
    public Builder renewDeadline(Duration renewDeadline) {
      this.renewDeadline = positive(renewDeadline, "renewDeadline");
      return this;
    }

    /** Default 2 s. */
    public Builder retryPeriod(Duration retryPeriod) {
      this.retryPeriod = positive(retryPeriod, "retryPeriod");
      return this;
    }

    /** Required. */
    public Builder callbacks(LeaderCallbacks callbacks) {
      this.callbacks = checkNotNull(callbacks, "callbacks");
      return this;
    }

    /**
     * Release the lease when the elector is closed while leading, so another candidate can take
     * over at once instead of after leaseDuration. The release waits (up to renewDeadline) for
     * {@link LeaderCallbacks#onStartedLeading} to return, and is skipped when it does not.
     */
    public Builder releaseOnCancel(boolean releaseOnCancel) {
      this.releaseOnCancel = releaseOnCancel;
      return this;
    }

    /** The name in logs and thread names. */
    public Builder name(String name) {
      checkNotNull(name, "name");
      checkArgument(!name.isEmpty(), "name must not be empty");
      this.name = name;
      return this;
    }

    /** The clock all timing is measured on (a fake one in tests). */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** The source of jitter; a new {@link Random} by default. Used by the elector's thread only. */
    public Builder random(RandomGenerator random) {
      this.random = checkNotNull(random, "random");
      return this;
    }

    /** Makes the elector's helper threads; named daemon threads by default. */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = checkNotNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * The config.
     *
     * @throws IllegalArgumentException with client-go's rules: leaseDuration must be greater than
     *     renewDeadline, renewDeadline greater than {@link #JITTER_FACTOR} times retryPeriod, the
     *     lock's identity not empty
     * @throws IllegalStateException when the lock or the callbacks are missing
     */
    public LeaderElectionConfig build() {
      checkArgument(
          leaseDuration.compareTo(renewDeadline) > 0,
          "leaseDuration must be greater than renewDeadline: %s <= %s",
          leaseDuration,
          renewDeadline);
      // Others read the lease duration from the lock in whole seconds: a fraction would be lost
      // there, and with it the margin over renewDeadline (client-go does not check this).
      checkArgument(
          Duration.ofSeconds(leaseDuration.getSeconds()).compareTo(renewDeadline) > 0,
          "leaseDuration is written to the lock in whole seconds, and %s s must be greater than"
              + " renewDeadline: %s",
          leaseDuration.getSeconds(),
          renewDeadline);
      Duration jittered = Duration.ofNanos((long) (JITTER_FACTOR * retryPeriod.toNanos()));
      checkArgument(
          renewDeadline.compareTo(jittered) > 0,
          "renewDeadline must be greater than retryPeriod*JitterFactor: %s <= %s",
          renewDeadline,
          jittered);
      ResourceLock l = lock;
      LeaderCallbacks c = callbacks;
      if (l == null) {
        throw new IllegalStateException("lock must be set");
      }
      if (c == null) {
        throw new IllegalStateException("callbacks must be set");
      }
      checkArgument(!l.identity().isEmpty(), "the lock's identity must not be empty");
      return new LeaderElectionConfig(this, l, c);
    }

    private static Duration positive(Duration d, String what) {
      checkNotNull(d, what);
      checkArgument(!d.isNegative() && !d.isZero(), "%s must be greater than zero: %s", what, d);
      return d;
    }
  }
}
