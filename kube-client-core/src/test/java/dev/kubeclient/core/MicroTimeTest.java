package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MicroTimeTest {

  @Test
  void parse_fixtureValue_roundTripsExactly() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    MicroTime t = mapper.readValue("\"2004-01-01T01:01:01.000004Z\"", MicroTime.class);
    assertThat(mapper.writeValueAsString(t)).isEqualTo("\"2004-01-01T01:01:01.000004Z\"");
  }

  @Test
  void toString_wholeSecond_hasSixZeroDigits() {
    assertThat(MicroTime.parse("2004-01-01T01:01:01Z").toString())
        .isEqualTo("2004-01-01T01:01:01.000000Z");
  }

  @Test
  void parse_offsetAndNanos_normalizesToUtcMicros() {
    assertThat(MicroTime.parse("2004-01-01T03:01:01.123456789+02:00").toString())
        .isEqualTo("2004-01-01T01:01:01.123456Z");
  }

  @Test
  void toInstant_beforeEpoch_keepsMicros() {
    MicroTime t = MicroTime.of(Instant.parse("1969-12-31T23:59:59.000001Z"));
    assertThat(t.epochMicros()).isEqualTo(-999_999L);
    assertThat(t.toInstant()).isEqualTo(Instant.parse("1969-12-31T23:59:59.000001Z"));
    assertThat(t.toString()).isEqualTo("1969-12-31T23:59:59.000001Z");
  }

  @Test
  void parse_garbage_throwsNamingText() {
    assertThatThrownBy(() -> MicroTime.parse("yesterday"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid MicroTime \"yesterday\"");
  }
}
