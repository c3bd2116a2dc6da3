package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTest {

  @Test
  void parse_nonUtcOffset_printsUtc() {
    assertThat(Time.parse("2008-01-01T02:01:01+01:00").toString())
        .isEqualTo("2008-01-01T01:01:01Z");
    assertThat(Time.parse("2007-12-31T20:01:01-05:00"))
        .isEqualTo(Time.parse("2008-01-01T01:01:01Z"));
  }

  @Test
  void parse_fraction_isTruncatedToSeconds() {
    assertThat(Time.parse("2008-01-01T01:01:01.999Z").epochSecond())
        .isEqualTo(Instant.parse("2008-01-01T01:01:01Z").getEpochSecond());
  }

  @Test
  void parse_garbage_namesTextAndPosition() {
    assertThatThrownBy(() -> Time.parse("2008-01-01 01:01:01Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid Time \"2008-01-01 01:01:01Z\": not RFC 3339 at position 10");
  }

  @Test
  void json_plainObjectMapper_roundTrips() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Time t = mapper.readValue("\"2009-01-01T01:01:01Z\"", Time.class);
    assertThat(mapper.writeValueAsString(t)).isEqualTo("\"2009-01-01T01:01:01Z\"");
    assertThat(t.toInstant()).isEqualTo(Instant.parse("2009-01-01T01:01:01Z"));
  }

  @Test
  void of_instant_truncatesTowardsPast() {
    assertThat(Time.of(Instant.parse("1969-12-31T23:59:59.5Z")).toString())
        .isEqualTo("1969-12-31T23:59:59Z");
    assertThat(Time.ofEpochSecond(5)).isLessThan(Time.ofEpochSecond(6));
  }
}
