package dev.kubeclient.informers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;

/** When {@link Cache#waitForCacheSync} checks, and what it answers. */
class CacheTest {
  /** A clock on which every wait passes at once and is written down. */
  private static final class RecordingClock implements Clock {
    final List<Long> waits = new ArrayList<>();
    private long nanos = 1_000_000_000L;

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public Instant now() {
      return Instant.EPOCH.plusNanos(nanos);
    }

    @Override
    public void sleep(Duration duration) {
      nanos += duration.toNanos();
    }

    @Override
    public long awaitNanos(Condition condition, long waitNanos) {
      waits.add(waitNanos);
      nanos += waitNanos;
      return 0;
    }
  }

  @Test
  void waitForCacheSync_checksEvery10ms_untilAllSynced() {
    RecordingClock clock = new RecordingClock();
    AtomicInteger checks = new AtomicInteger();
    InformerSynced third = () -> checks.incrementAndGet() >= 3;
    InformerSynced always = () -> true;

    assertThat(Cache.waitForCacheSync(clock, Duration.ofMinutes(1), always, third)).isTrue();

    assertThat(checks).hasValue(3);
    assertThat(clock.waits).containsExactly(10_000_000L, 10_000_000L);
  }

  @Test
  void waitForCacheSync_neverSynced_falseOnceTheTimeoutHasPassed() {
    RecordingClock clock = new RecordingClock();

    assertThat(Cache.waitForCacheSync(clock, Duration.ofMillis(25), () -> false)).isFalse();

    assertThat(clock.waits).containsExactly(10_000_000L, 10_000_000L, 5_000_000L);
  }
}
