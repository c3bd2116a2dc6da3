package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.informers.cache.ReflectorStore;
import dev.kubeclient.informers.cache.WatchErrorHandler;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link DefaultReflector} is made of (client-go's {@code ReflectorOptions} plus the
 * exported fields it sets after construction).
 *
 * @param name the reflector's name, in its thread name and log lines
 * @param typeDescription what it lists, such as {@code v1/Pod}
 * @param listerWatcher the source
 * @param store the destination
 * @param resyncPeriod how often to consider a resync (zero: never)
 * @param shouldResync consulted at each resync period (null: always)
 * @param minWatchTimeout watch timeouts are random in [min, 2 min]
 * @param watchListPageSize the page size of lists, 0 for the reflector's choice
 * @param useWatchList stream the initial state with a watch ({@code sendInitialEvents}) first
 * @param initialEventsTimeout how long a watch-list may go without an event before the reflector
 *     gives up on it and lists instead
 * @param maxInternalErrorRetryDuration how long internal errors of a watch are retried at once
 * @param watchErrorHandler called when a list-and-watch fails (null: log)
 * @param clock time
 * @param random jitter
 * @param scheduler timers
 * @param <T> the object type
 */
public record ReflectorConfig<T extends KubernetesObject>(
    String name,
    String typeDescription,
    ListerWatcher<T> listerWatcher,
    ReflectorStore<T> store,
    Duration resyncPeriod,
    @Nullable BooleanSupplier shouldResync,
    Duration minWatchTimeout,
    long watchListPageSize,
    boolean useWatchList,
    Duration initialEventsTimeout,
    Duration maxInternalErrorRetryDuration,
    @Nullable WatchErrorHandler watchErrorHandler,
    Clock clock,
    RandomGenerator random,
    Scheduler scheduler) {}
