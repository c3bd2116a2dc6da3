package dev.kubeclient.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static long epochSecond(String s) {
    char[] padded = ("xx" + s + "yy").toCharArray();
    return Timestamps.epochSecond(padded, 2, s.length());
  }

  @Test
  void epochSecond_everyDayOfFourHundredYears_agreesWithJavaTime() {
    LocalDateTime t = LocalDateTime.of(1800, 1, 1, 23, 59, 58);
    LocalDateTime end = LocalDateTime.of(2200, 3, 2, 0, 0);
    for (; t.isBefore(end); t = t.plusDays(1).plusSeconds(7)) {
      String text = t.toString() + (t.getSecond() == 0 ? ":00" : "") + "Z";
      assertThat(epochSecond(text)).as(text).isEqualTo(t.toEpochSecond(ZoneOffset.UTC));
    }
  }

  @Test
  void epochSecond_fraction_isDropped() {
    assertThat(epochSecond("2024-02-29T12:00:01.123456Z"))
        .isEqualTo(epochSecond("2024-02-29T12:00:01Z"))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 0, 1).toEpochSecond(ZoneOffset.UTC));
  }

  @Test
  void epochSecond_otherFormsAndImpossibleDates_areNotFast() {
    for (String s :
        List.of(
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T00:60:00Z",
            "2024-01-01T00:00:60Z",
            "2024-01-01T00:00:00+01:00",
            "2024-01-01t00:00:00z",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00.1234567890Z",
            "2024-01-01T00:00:0aZ",
            "2024-01-01")) {
      assertThat(epochSecond(s)).as(s).isEqualTo(Timestamps.NOT_FAST);
    }
  }
}
