package dev.kubeclient.informers.watch;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.cache.Cache;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.informers.cache.SharedIndexInformer;
import dev.kubeclient.informers.watch.internal.DaemonThreadFactory;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waiting on a watch until conditions are reached (client-go's {@code tools/watch}, imported there
 * as {@code watchtools}):
 *
 * <ul>
 *   <li>{@link #untilWithoutRetry}: reads one given watch; fails when it ends. Rarely what you
 *       want.
 *   <li>{@link #until}: reads a {@link RetryWatcher}, so server timeouts and dropped connections do
 *       not matter and every event is seen in order; fails on 410 Gone.
 *   <li>{@link #untilWithSync}: reads the changes of an informer (list, then watch, relisting after
 *       410 Gone), so nothing ends it but the timeout; intermediate states may be skipped, and
 *       order holds per object only. The one to use for "wait until this object is ready".
 * </ul>
 *
 * <p>Conditions are reached one after the other: each is first tried on the event that reached the
 * previous one, then on the events that follow. The event that reached the last condition is
 * returned. The wait blocks the calling thread for at most {@code timeout}: a helper thread ({@code
 * kube-watch-until-<n>}, daemon) closes the watch when the time is up. Interrupting the caller does
 * not end the wait earlier; the timeout bounds it. The watch is closed when the method returns.
 *
 * <pre>{@code
 * String rv = deployments.get("web").getMetadata().getResourceVersion();
 * WatchEvent<Deployment> e = WatchTools.until(Duration.ofMinutes(2), rv,
 *     opts -> deployments.watch(opts.fieldSelector("metadata.name=web")),
 *     ev -> ev.object().getStatus() != null
 *         && ev.object().getStatus().getConditions().stream()
 *             .anyMatch(c -> c.getType().equals("Available") && c.getStatus().equals("True")));
 * }</pre>
 */
public final class WatchTools {
  private static final Logger log = LoggerFactory.getLogger(WatchTools.class);
  private static final ThreadFactory DEADLINES = new DaemonThreadFactory("kube-watch-until");

  private WatchTools() {}

  /**
   * Reads {@code watch} until each condition is reached in turn.
   *
   * @return the event that reached the last condition
   * @throws WaitTimeoutException when {@code timeout} passes first
   * @throws WatchClosedException when the watch ends first
   * @throws RuntimeException what a condition or the watch throws
   */
  @SafeVarargs
  public static <T> WatchEvent<T> untilWithoutRetry(
      Duration timeout, Watch<T> watch, ConditionFunc<T>... conditions) {
    return untilWithoutRetry(Clock.system(), timeout, watch, Arrays.asList(conditions));
  }

  /** As {@link #untilWithoutRetry(Duration, Watch, ConditionFunc[])}, timed by {@code clock}. */
  public static <T> WatchEvent<T> untilWithoutRetry(
      Clock clock, Duration timeout, Watch<T> watch, List<ConditionFunc<T>> conditions) {
    checkNotNull(clock, "clock");
    checkNotNull(timeout, "timeout");
    checkArgument(
        !timeout.isNegative() && !timeout.isZero(), "timeout must be positive: %s", timeout);
    checkNotNull(watch, "watch");
    checkNotNull(conditions, "conditions");
    checkArgument(!conditions.isEmpty(), "at least one condition is needed");
    for (int i = 0; i < conditions.size(); i++) {
      checkNotNull(conditions.get(i), "conditions[" + i + "]");
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread deadline =
        DEADLINES.newThread(
            () -> {
              try {
                clock.sleep(timeout);
              } catch (InterruptedException e) {
                return; // The wait ended first.
              }
              timedOut.set(true);
              try {
                watch.close();
              } catch (RuntimeException e) {
                // Logged, not lost with this thread: a watch that still ends is read to its end.
                log.warn("closing the watch at the {} deadline failed", timeout, e);
              }
            });
    deadline.start();
    @Nullable RuntimeException failure = null;
    try {
      return read(timeout, watch, conditions, timedOut);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      deadline.interrupt();
      close(watch, failure);
      joinQuietly(deadline);
    }
  }

  /**
   * Watches from {@code initialResourceVersion} through a {@link RetryWatcher} until each condition
   * is reached in turn. {@code watcher} opens one watch with the options it is given.
   *
   * @return the event that reached the last condition
   * @throws IllegalArgumentException when {@code initialResourceVersion} is "" or "0"
   * @throws WaitTimeoutException when {@code timeout} passes first
   * @throws dev.kubeclient.core.errors.ApiException 410 Gone when the history is compacted, or what
   *     else ends the {@link RetryWatcher}
   */
  @SafeVarargs
  public static <T> WatchEvent<T> until(
      Duration timeout,
      String initialResourceVersion,
      Function<ListOptions, Watch<T>> watcher,
      ConditionFunc<T>... conditions) {
    return until(
        Clock.system(), timeout, initialResourceVersion, watcher, Arrays.asList(conditions));
  }

  /** As {@link #until(Duration, String, Function, ConditionFunc[])}, timed by {@code clock}. */
  public static <T> WatchEvent<T> until(
      Clock clock,
      Duration timeout,
      String initialResourceVersion,
      Function<ListOptions, Watch<T>> watcher,
      List<ConditionFunc<T>> conditions) {
    RetryWatcher<T> w = RetryWatcher.newRetryWatcher(initialResourceVersion, watcher, clock);
    return untilWithoutRetry(clock, timeout, w, conditions);
  }

  /**
   * Lists and watches through an informer until each condition is reached in turn (client-go's
   * {@code UntilWithSync}); recovers from every error, 410 Gone included, by relisting. With a
   * {@code precondition}, first waits for the informer's cache to sync and returns null without
   * waiting for events when the precondition holds on it. The informer is stopped before this
   * method returns.
   *
   * <pre>{@code
   * WatchEvent<Deployment> e = WatchTools.untilWithSync(Duration.ofMinutes(2),
   *     ListerWatcher.forResource(clientSet.appsV1().deployments("prod"))
   *         .withFieldSelector("metadata.name=web"),
   *     Deployment.class,
   *     store -> store.list().stream().anyMatch(d -> isAvailable(d)),
   *     ev -> isAvailable(ev.object()));
   * }</pre>
   *
   * @return the event that reached the last condition, or null when the precondition held
   * @throws WaitTimeoutException when {@code timeout} passes first (also while syncing)
   */
  @SafeVarargs
  public static <T extends KubernetesObject> @Nullable WatchEvent<T> untilWithSync(
      Duration timeout,
      ListerWatcher<T> listerWatcher,
      Class<T> type,
      @Nullable PreconditionFunc<T> precondition,
      ConditionFunc<T>... conditions) {
    return untilWithSync(
        Clock.system(), timeout, listerWatcher, type, precondition, Arrays.asList(conditions));
  }

  /**
   * As {@link #untilWithSync(Duration, ListerWatcher, Class, PreconditionFunc, ConditionFunc[])},
   * timed by {@code clock} (the informer's clock too).
   */
  public static <T extends KubernetesObject> @Nullable WatchEvent<T> untilWithSync(
      Clock clock,
      Duration timeout,
      ListerWatcher<T> listerWatcher,
      Class<T> type,
      @Nullable PreconditionFunc<T> precondition,
      List<ConditionFunc<T>> conditions) {
    checkNotNull(clock, "clock");
    checkNotNull(timeout, "timeout");
    checkArgument(
        !timeout.isNegative() && !timeout.isZero(), "timeout must be positive: %s", timeout);
    checkNotNull(listerWatcher, "listerWatcher");
    checkNotNull(type, "type");
    checkNotNull(conditions, "conditions");
    checkArgument(!conditions.isEmpty(), "at least one condition is needed");
    long deadline = clock.nanoTime() + timeout.toNanos();
    SharedIndexInformer.Builder<T> b =
        SharedIndexInformer.newBuilder(listerWatcher, type)
            .name("until-" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
    if (clock != Clock.system()) {
      b.clock(clock);
    }
    InformerWatcher<T> watch = new InformerWatcher<>(b.build());
    watch.informer().start();
    @Nullable RuntimeException failure = null;
    try {
      if (precondition != null) {
        if (!Cache.waitForCacheSync(clock, timeout, watch.informer())) {
          throw new WaitTimeoutException(timeout, "the cache to sync");
        }
        if (precondition.test(watch.informer().getStore())) {
          return null;
        }
      }
      long left = deadline - clock.nanoTime();
      if (left <= 0) {
        throw new WaitTimeoutException(timeout, "the watch condition");
      }
      return untilWithoutRetry(clock, Duration.ofNanos(left), watch, conditions);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      close(watch, failure);
    }
  }

  /**
   * Closes {@code watch} without letting a failure to close hide the outcome: it is added to the
   * {@code failure} being thrown, or logged when the wait succeeded.
   */
  private static void close(Watch<?> watch, @Nullable RuntimeException failure) {
    try {
      watch.close();
    } catch (RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        log.warn("closing the watch after the wait failed", e);
      }
    }
  }

  private static <T> WatchEvent<T> read(
      Duration timeout, Watch<T> watch, List<ConditionFunc<T>> conditions, AtomicBoolean timedOut) {
    @Nullable WatchEvent<T> last = null;
    for (ConditionFunc<T> condition : conditions) {
      if (last != null && condition.test(last)) {
        continue;
      }
      while (true) {
        boolean more;
        try {
          more = watch.hasNext();
        } catch (RuntimeException e) {
          if (timedOut.get()) {
            WaitTimeoutException t = new WaitTimeoutException(timeout, "the watch condition");
            t.addSuppressed(e);
            throw t;
          }
          throw e;
        }
        if (!more) {
          if (timedOut.get()) {
            throw new WaitTimeoutException(timeout, "the watch condition");
          }
          throw new WatchClosedException("the watch ended before the condition was reached");
        }
        last = watch.next();
        if (condition.test(last)) {
          break;
        }
      }
    }
    return checkNotNull(last, "last event");
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
