package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class FakeClockTest {
  @Test
  void advance_movesMonotonicAndWallTimeTogether() {
    FakeClock clock = new FakeClock(Instant.parse("2030-05-01T10:00:00Z"));
    long before = clock.nanoTime();
    clock.advance(Duration.ofMillis(1500));
    assertThat(clock.nanoTime() - before).isEqualTo(1_500_000_000L);
    assertThat(clock.now()).isEqualTo(Instant.parse("2030-05-01T10:00:01.500Z"));
  }

  @Test
  void sleep_returnsOnlyOnceTimeHasPassedItsDeadline() throws Exception {
    FakeClock clock = new FakeClock();
    CompletableFuture<Void> slept =
        CompletableFuture.runAsync(
            () -> {
              try {
                clock.sleep(Duration.ofSeconds(10));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    await().atMost(10, TimeUnit.SECONDS).until(() -> clock.sleepers() == 1);
    clock.advance(Duration.ofSeconds(9));
    assertThat(slept).isNotDone();
    assertThat(clock.sleepers()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    slept.get(10, TimeUnit.SECONDS);
    assertThat(clock.sleepers()).isZero();
  }

  @Test
  void sleep_zeroOrNegative_returnsAtOnce() throws Exception {
    FakeClock clock = new FakeClock();
    clock.sleep(Duration.ZERO);
    clock.sleep(Duration.ofSeconds(-1));
    assertThat(clock.sleepers()).isZero();
  }

  @Test
  void awaitNanos_reportsFakeTimeLeft() throws Exception {
    FakeClock clock = new FakeClock();
    ReentrantLock lock = new ReentrantLock();
    Condition c = lock.newCondition();
    lock.lock();
    try {
      assertThat(clock.awaitNanos(c, 5_000)).isEqualTo(5_000);
    } finally {
      lock.unlock();
    }
  }

  @Test
  void advance_negative_isRejectedWithTheValue() {
    assertThatThrownBy(() -> new FakeClock().advance(Duration.ofSeconds(-2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-2S");
  }
}
