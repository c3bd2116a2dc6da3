package dev.kubeclient.informers.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReflectorBackoffTest {

  /** A generator returning a fixed fraction, so jitter is predictable. */
  private static RandomGenerator fixed(double fraction) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return fraction;
      }
    };
  }

  /** client-go's reflector backoff: 0.8 s doubling, then the 30 s cap, each with jitter. */
  @Test
  void next_withoutJitter_doublesToTheCap() {
    ReflectorBackoff b = new ReflectorBackoff(new FakeClock(), fixed(0));
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      millis.add(b.next().toMillis());
    }
    assertThat(millis)
        .containsExactly(800L, 1600L, 3200L, 6400L, 12800L, 25600L, 30000L, 30000L, 30000L);
  }

  @Test
  void next_fullJitter_addsUpToTheDurationAgain() {
    ReflectorBackoff b = new ReflectorBackoff(new FakeClock(), fixed(0.999999));
    assertThat(b.next()).isBetween(Duration.ofMillis(1599), Duration.ofMillis(1600));
  }

  @Test
  void next_afterResetInterval_startsOver() {
    FakeClock clock = new FakeClock();
    ReflectorBackoff b = new ReflectorBackoff(clock, fixed(0));
    b.next();
    b.next();
    assertThat(b.next()).isEqualTo(Duration.ofMillis(3200));
    clock.advance(Duration.ofMinutes(2).plusMillis(1));
    assertThat(b.next()).isEqualTo(Duration.ofMillis(800));
  }
}
