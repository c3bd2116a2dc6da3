package dev.kubeclient.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.Clock;
import dev.kubeclient.testing.FakeClock;
import org.junit.jupiter.api.Test;

class QueueConfigTest {
  @Test
  void builder_defaults_areUnnamedSystemClockNoMetricsDefaultLimiter() {
    QueueConfig<String> config = QueueConfig.<String>builder().build();
    assertThat(config.name()).isEmpty();
    assertThat(config.clock()).isSameAs(Clock.system());
    assertThat(config.metricsProvider()).isSameAs(MetricsProvider.noop());
    assertThat(config.rateLimiter()).isNull();
  }

  @Test
  void newBuilder_copiesEveryValue() {
    FakeClock clock = new FakeClock();
    RecordingMetricsProvider provider = new RecordingMetricsProvider();
    RateLimiter<String> limiter = RateLimiter.defaultItemBasedRateLimiter();
    QueueConfig<String> config =
        QueueConfig.<String>builder()
            .name("pods")
            .clock(clock)
            .metricsProvider(provider)
            .rateLimiter(limiter)
            .build();
    QueueConfig<String> copy = config.newBuilder().build();
    assertThat(copy.name()).isEqualTo("pods");
    assertThat(copy.clock()).isSameAs(clock);
    assertThat(copy.metricsProvider()).isSameAs(provider);
    assertThat(copy.rateLimiter()).isSameAs(limiter);
    assertThat(config.newBuilder().name("nodes").build().name()).isEqualTo("nodes");
    assertThat(config.name()).isEqualTo("pods");
  }

  @Test
  void builderSetters_null_throwNamingTheOption() {
    QueueConfig.Builder<String> b = QueueConfig.builder();
    assertThatThrownBy(() -> b.name(null)).hasMessage("name == null");
    assertThatThrownBy(() -> b.clock(null)).hasMessage("clock == null");
    assertThatThrownBy(() -> b.metricsProvider(null)).hasMessage("metricsProvider == null");
    assertThatThrownBy(() -> b.rateLimiter(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("rateLimiter == null");
  }
}
