package dev.kubeclient.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.ConflictException;
import dev.kubeclient.core.meta.v1.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final List<Duration> sleeps = new ArrayList<>();

  private static ApiException conflict() {
    return ApiException.fromStatus(
        new Status().code(409).reason("Conflict").message("the object has been modified"));
  }

  private static ApiException notFound() {
    return ApiException.fromStatus(new Status().code(404).reason("NotFound").message("gone"));
  }

  @Test
  void onConflict_conflictThenSuccess_retriesAndReturns() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        Retry.onError(
            Backoff.DEFAULT_RETRY,
            e -> e instanceof ConflictException,
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw conflict();
              }
              return "done";
            },
            sleeps::add,
            new Random(1));
    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(3);
    assertThat(sleeps)
        .hasSize(2)
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(10), Duration.ofMillis(11)));
  }

  @Test
  void onConflict_alwaysConflict_throwsAfterSteps() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Retry.onError(
                    new Backoff(4, Duration.ofMillis(1), 2.0, 0),
                    e -> e instanceof ConflictException,
                    () -> {
                      calls.incrementAndGet();
                      throw conflict();
                    },
                    sleeps::add,
                    new Random(1)))
        .isInstanceOf(ConflictException.class);
    assertThat(calls).hasValue(4);
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4));
  }

  @Test
  void onConflict_otherError_failsAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Retry.onConflict(
                    () -> {
                      calls.incrementAndGet();
                      throw notFound();
                    }))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("gone");
    assertThat(calls).hasValue(1);
  }

  @Test
  void onError_interruptedWhileWaiting_throwsLastFailureAndKeepsFlag() {
    try {
      assertThatThrownBy(
              () ->
                  Retry.onError(
                      Backoff.DEFAULT_RETRY,
                      e -> true,
                      () -> {
                        throw conflict();
                      },
                      d -> {
                        throw new InterruptedException();
                      },
                      new Random(1)))
          .isInstanceOf(ConflictException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /** Scenarios of client-go's {@code TestRetryOnConflict}. */
  @Test
  void onConflict_stepsThree_triesThreeTimesThenThrowsTheConflict() {
    AtomicInteger calls = new AtomicInteger();
    ApiException last = conflict();
    assertThatThrownBy(
            () ->
                Retry.onError(
                    new Backoff(3, Duration.ZERO, 1.0, 0),
                    e -> e instanceof ConflictException,
                    () -> {
                      calls.incrementAndGet();
                      throw last;
                    },
                    sleeps::add,
                    new Random(1)))
        .isSameAs(last);
    assertThat(calls).hasValue(3);
    assertThat(sleeps).hasSize(2);
  }

  /**
   * apimachinery's ExponentialBackoff ends when a step reaches the cap; here without the useless
   * last wait.
   */
  @Test
  void onError_capReached_stopsWithoutAnotherTryOrWait() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                Retry.onError(
                    new Backoff(10, Duration.ofMillis(1), 2.0, 0, Duration.ofMillis(3)),
                    e -> true,
                    () -> {
                      calls.incrementAndGet();
                      throw conflict();
                    },
                    sleeps::add,
                    new Random(1)))
        .isInstanceOf(ConflictException.class);
    assertThat(calls).hasValue(2);
    assertThat(sleeps).containsExactly(Duration.ofMillis(1));
  }

  @Test
  void onError_defaultBackoff_waitsGrowFiveTimes() {
    List<Duration> slept = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    String result =
        Retry.onError(
            Backoff.DEFAULT_BACKOFF,
            e -> true,
            () -> {
              if (calls.incrementAndGet() < 4) {
                throw conflict();
              }
              return "ok";
            },
            slept::add,
            new Random(7));
    assertThat(result).isEqualTo("ok");
    assertThat(slept).hasSize(3);
    assertThat(slept.get(0)).isBetween(Duration.ofMillis(10), Duration.ofMillis(11));
    assertThat(slept.get(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(55));
    assertThat(slept.get(2)).isBetween(Duration.ofMillis(250), Duration.ofMillis(275));
  }
}
