package dev.kubeclient.informers.record;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * The tuning of an {@link EventBroadcaster}'s correlator (client-go's {@code CorrelatorOptions}),
 * with client-go's defaults: a source may burst 25 events about one object and then one every 5
 * minutes; 10 events that differ only in message within 10 minutes are combined into one; each
 * cache remembers 4096 keys. Immutable.
 *
 * @param lruCacheSize how many keys each of the correlator's caches remembers
 * @param burstSize how many events a source may send about one object at once
 * @param qps how fast that allowance refills, in events per second
 * @param maxEvents how many similar events (same source, object, type and reason) in {@code
 *     maxInterval} start aggregation
 * @param maxInterval how long after the last similar event a new one starts afresh
 */
public record CorrelatorOptions(
    int lruCacheSize, int burstSize, double qps, int maxEvents, Duration maxInterval) {
  /** client-go's {@code maxLruCacheEntries}. */
  public static final int DEFAULT_LRU_CACHE_SIZE = 4096;

  /** client-go's {@code defaultSpamBurst}. */
  public static final int DEFAULT_SPAM_BURST = 25;

  /** client-go's {@code defaultSpamQPS}: one event every 5 minutes. */
  public static final double DEFAULT_SPAM_QPS = 1.0 / 300.0;

  /** client-go's {@code defaultAggregateMaxEvents}. */
  public static final int DEFAULT_AGGREGATE_MAX_EVENTS = 10;

  /** client-go's {@code defaultAggregateIntervalInSeconds}. */
  public static final Duration DEFAULT_AGGREGATE_INTERVAL = Duration.ofSeconds(600);

  /** Checks the values. */
  public CorrelatorOptions {
    checkArgument(lruCacheSize > 0, "lruCacheSize must be positive: %s", lruCacheSize);
    checkArgument(burstSize > 0, "burstSize must be positive: %s", burstSize);
    checkArgument(qps > 0, "qps must be positive: %s", qps);
    checkArgument(maxEvents > 0, "maxEvents must be positive: %s", maxEvents);
    checkNotNull(maxInterval, "maxInterval");
    checkArgument(
        !maxInterval.isNegative() && !maxInterval.isZero(),
        "maxInterval must be positive: %s",
        maxInterval);
  }

  /** client-go's defaults. */
  public static CorrelatorOptions defaults() {
    return new CorrelatorOptions(
        DEFAULT_LRU_CACHE_SIZE,
        DEFAULT_SPAM_BURST,
        DEFAULT_SPAM_QPS,
        DEFAULT_AGGREGATE_MAX_EVENTS,
        DEFAULT_AGGREGATE_INTERVAL);
  }
}
