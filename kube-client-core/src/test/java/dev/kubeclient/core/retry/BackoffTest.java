package dev.kubeclient.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static List<Duration> steps(Backoff b, int n, long seed) {
    Backoff.Stepper s = b.stepper(new Random(seed));
    List<Duration> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.step());
    }
    return out;
  }

  private static Duration secs(long s) {
    return Duration.ofSeconds(s);
  }

  /** Cases of apimachinery's {@code TestBackoff_Step} without jitter. */
  @Test
  void step_withoutJitter_growsByFactorUntilStepsOrCap() {
    assertThat(steps(new Backoff(1, secs(1), 1.0, 0), 3, 0))
        .containsExactly(secs(1), secs(1), secs(1));
    assertThat(steps(new Backoff(3, secs(1), 2.0, 0), 3, 0))
        .containsExactly(secs(1), secs(2), secs(4));
    assertThat(steps(new Backoff(3, secs(1), 2.0, 0, secs(3)), 3, 0))
        .containsExactly(secs(1), secs(2), secs(3));
  }

  /** Go keeps the duration the last step computed once the steps are used up. */
  @Test
  void step_afterStepsUsedUp_staysAtTheLastComputedDuration() {
    Backoff.Stepper s = new Backoff(2, secs(1), 3.0, 0).stepper(new Random(1));
    assertThat(s.step()).isEqualTo(secs(1));
    assertThat(s.step()).isEqualTo(secs(3));
    assertThat(s.steps()).isZero();
    assertThat(s.step()).isEqualTo(secs(9));
    assertThat(s.step()).isEqualTo(secs(9));
  }

  @Test
  void step_reachingCap_endsTheStepsAtOnce() {
    Backoff.Stepper s = new Backoff(10, secs(1), 2.0, 0, secs(3)).stepper(new Random(1));
    s.step();
    assertThat(s.steps()).isEqualTo(9);
    s.step();
    assertThat(s.steps()).as("2 s * 2 passes the 3 s cap").isZero();
    assertThat(s.step()).isEqualTo(secs(3));
  }

  /** The jitter case of apimachinery's {@code TestBackoff_Step}: jitter never compounds. */
  @Test
  void step_withJitter_stretchesEachWaitWithinRangeWithoutCompounding() {
    for (long seed = 0; seed < 5; seed++) {
      List<Duration> got = steps(new Backoff(6, secs(1), 2.0, 4.0), 6, seed);
      for (int i = 0; i < got.size(); i++) {
        Duration base = secs(1L << i);
        assertThat(got.get(i)).isBetween(base, base.multipliedBy(5));
      }
      assertThat(got)
          .as("stretched at random")
          .isNotEqualTo(steps(new Backoff(6, secs(1), 2, 0), 6, 0));
    }
  }

  @Test
  void jitter_nonPositiveFactor_countsAsOne() {
    for (long seed = 0; seed < 20; seed++) {
      assertThat(Backoff.jitter(secs(10), 0, new Random(seed))).isBetween(secs(10), secs(20));
      assertThat(Backoff.jitter(secs(10), 0.25, new Random(seed)))
          .isBetween(secs(10), Duration.ofMillis(12_500));
    }
  }

  @Test
  void jitter_hugeDuration_saturates() {
    Duration huge = Duration.ofNanos(Long.MAX_VALUE - 1);
    assertThat(Backoff.jitter(huge, 1.0, new Random(3)))
        .isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
  }

  @Test
  void delay_attempt_isThatStepOfANewStepper() {
    Backoff b = new Backoff(4, Duration.ofMillis(1), 2.0, 0, Duration.ofMillis(5));
    assertThat(b.delay(1, new Random())).isEqualTo(Duration.ofMillis(1));
    assertThat(b.delay(3, new Random())).isEqualTo(Duration.ofMillis(4));
    assertThat(b.delay(4, new Random())).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void defaults_areClientGos() {
    assertThat(Backoff.DEFAULT_RETRY)
        .isEqualTo(new Backoff(5, Duration.ofMillis(10), 1.0, 0.1, Duration.ZERO));
    assertThat(Backoff.DEFAULT_BACKOFF)
        .isEqualTo(new Backoff(4, Duration.ofMillis(10), 5.0, 0.1, Duration.ZERO));
    assertThat(Backoff.DEFAULT_RETRY.withCap(secs(1)).cap()).isEqualTo(secs(1));
  }

  @Test
  void constructor_badValues_nameTheValue() {
    assertThatThrownBy(() -> new Backoff(0, Duration.ZERO, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be at least 1: 0");
    assertThatThrownBy(() -> new Backoff(1, Duration.ZERO, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("factor must be at least 1: 0.5");
    assertThatThrownBy(() -> new Backoff(1, Duration.ofMillis(-1), 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must not be negative: PT-0.001S");
    assertThatThrownBy(() -> new Backoff(1, Duration.ZERO, 1, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jitter must not be negative: -0.1");
    assertThatThrownBy(() -> new Backoff(1, Duration.ZERO, 1, 0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cap must not be negative: PT-1S");
    assertThatThrownBy(() -> new Backoff(1, Duration.ZERO, 1, 0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cap == null");
  }
}
