package dev.kubeclient.core.retry;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.errors.Errors;
import java.time.Duration;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs an operation again while it fails for a reason the caller calls retriable (client-go's
 * {@code retry.OnError} and {@code retry.RetryOnConflict}). The operation must redo its whole
 * read-modify-write, so that each try starts from fresh state:
 *
 * <pre>{@code
 * Retry.onConflict(() -> {
 *   Deployment d = deployments.get("web");
 *   d.getSpec().setReplicas(3);
 *   return deployments.update(d);
 * });
 * }</pre>
 *
 * <p>Waits block the calling thread; an interrupt stops the retries, restores the interrupt flag
 * and throws the last failure. The last failure is thrown when the tries run out or the failure is
 * not retriable.
 */
public final class Retry {
  /** Sleeps for a duration; replaced in tests. */
  @FunctionalInterface
  public interface Sleeper {
    /** Blocks for {@code d}. */
    void sleep(Duration d) throws InterruptedException;
  }

  private static final Sleeper THREAD_SLEEP =
      d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  private Retry() {}

  /** Retries {@code operation} on 409 Conflict with {@link Backoff#DEFAULT_RETRY}. */
  public static <T> T onConflict(Supplier<T> operation) {
    return onError(Backoff.DEFAULT_RETRY, Errors::isConflict, operation);
  }

  /** Retries {@code operation} on 409 Conflict with {@code backoff}. */
  public static <T> T onConflict(Backoff backoff, Supplier<T> operation) {
    return onError(backoff, Errors::isConflict, operation);
  }

  /** Retries {@code operation} while it throws what {@code retriable} accepts. */
  public static <T> T onError(
      Backoff backoff, Predicate<? super RuntimeException> retriable, Supplier<T> operation) {
    return onError(backoff, retriable, operation, THREAD_SLEEP, new Random());
  }

  /**
   * As {@link #onError(Backoff, Predicate, Supplier)}, with the sleeping and jitter injected
   * ({@code clock::sleep} adapts a {@link dev.kubeclient.core.Clock}).
   *
   * <p>The tries follow apimachinery's {@code wait.ExponentialBackoff}: at most {@code
   * backoff.steps()} tries, one {@link Backoff.Stepper#step()} apart; reaching the backoff's cap
   * ends the retries. Where Go then sleeps once more before giving up, this method gives up at
   * once: the outcome is the same, without the wasted wait.
   */
  public static <T> T onError(
      Backoff backoff,
      Predicate<? super RuntimeException> retriable,
      Supplier<T> operation,
      Sleeper sleeper,
      RandomGenerator random) {
    checkNotNull(backoff, "backoff");
    checkNotNull(retriable, "retriable");
    checkNotNull(operation, "operation");
    checkNotNull(sleeper, "sleeper");
    checkNotNull(random, "random");
    Backoff.Stepper stepper = backoff.stepper(random);
    while (true) {
      try {
        return operation.get();
      } catch (RuntimeException e) {
        if (!retriable.test(e) || stepper.steps() <= 1) {
          throw e;
        }
        Duration wait = stepper.step();
        if (stepper.steps() == 0) {
          // The cap was reached: Go would sleep and then stop without another try.
          throw e;
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          e.addSuppressed(ie);
          throw e;
        }
      }
    }
  }
}
