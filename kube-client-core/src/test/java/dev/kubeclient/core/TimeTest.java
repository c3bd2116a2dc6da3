package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @Test
  void parse_serverForm_agreesWithTheFullParserOverManyDates() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong() % 8_000_000_000L; // about 1716 to 2223
      String fraction = i % 3 == 0 ? "" : "." + (1 + random.nextInt(999_999_999));
      String text = Instant.ofEpochSecond(second).toString().replace("Z", fraction + "Z");
      long expected =
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
      assertThat(Time.parse(text).epochSecond()).as(text).isEqualTo(expected);
      long expectedMicros = MicroTime.of(OffsetDateTime.parse(text).toInstant()).epochMicros();
      assertThat(MicroTime.parse(text).epochMicros()).as(text).isEqualTo(expectedMicros);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-00-01T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01T00:60:00Z",
        "2024-01-01T00:00:60Z",
        "2024-01-01T00:00:0xZ",
        "2024-01-01T00:00:00.12a4Z",
        "2024-01-01T00:00:00.1234567890Z"
      })
  void parse_invalidServerForm_isRejectedLikeTheFullParser(String text) {
    assertThatThrownBy(() -> Time.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid Time \"" + text + "\"");
  }

  @Test
  void parse_leapDayAndLowerCase_areRead() {
    assertThat(Time.parse("2024-02-29T23:59:59Z").toString()).isEqualTo("2024-02-29T23:59:59Z");
    assertThat(Time.parse("2024-02-29t23:59:59z").toString()).isEqualTo("2024-02-29T23:59:59Z");
  }

  @Test
  void ofEpochSecond_equalSecondsShareAnInstance_andCollidingSlotsKeepTheirValues() {
    assertThat(Time.ofEpochSecond(1_700_000_000L)).isSameAs(Time.parse("2023-11-14T22:13:20Z"));
    // Seconds 1,024 apart take the same slot of the cache, in turns.
    for (int i = 0; i < 10; i++) {
      long s = 1_700_000_000L + (i % 2) * 1024L;
      assertThat(Time.ofEpochSecond(s).epochSecond()).isEqualTo(s);
    }
  }
}
