package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A point in time with second precision, as the API writes timestamps such as {@code
 * creationTimestamp}: the port of apimachinery's {@code metav1.Time}. It is read from RFC 3339 text
 * in any offset (a fraction of a second is accepted and dropped) and always written in UTC with a
 * {@code Z}, e.g. {@code 2008-01-01T01:01:01Z}.
 *
 * <p>Instances are immutable and thread-safe; they hold only the epoch second.
 */
public final class Time implements Comparable<Time> {
  private final long epochSecond;

  private Time(long epochSecond) {
    this.epochSecond = epochSecond;
  }

  /** The time at {@code epochSecond} seconds after 1970-01-01T00:00:00Z. */
  public static Time ofEpochSecond(long epochSecond) {
    return new Time(epochSecond);
  }

  /** {@code instant} truncated to the second (towards the past). */
  public static Time of(Instant instant) {
    return new Time(checkNotNull(instant, "instant").getEpochSecond());
  }

  /** The current time, truncated to the second. */
  public static Time now() {
    return of(Instant.now());
  }

  /**
   * Parses RFC 3339 text such as {@code 2008-01-01T01:01:01Z} or {@code 2008-01-01T02:01:01+01:00}.
   *
   * @throws IllegalArgumentException naming the text and the position of the problem
   */
  @JsonCreator
  public static Time parse(String text) {
    checkNotNull(text, "text");
    long fast = fastEpochSecond(text);
    return new Time(fast != NOT_FAST ? fast : parseInstant(text, "Time").getEpochSecond());
  }

  private static final long NOT_FAST = Long.MIN_VALUE;

  /**
   * The epoch second of the form the API server writes, {@code 2008-01-01T01:01:01Z} with an
   * optional fraction, or {@link #NOT_FAST} for anything else (offsets, lower case, out-of-range
   * fields), which the full RFC 3339 parser then reads or rejects. Decoding a pod meets about ten
   * timestamps, and the general parser costs more than the rest of reading one.
   */
  static long fastEpochSecond(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(n - 1) != 'Z'
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return NOT_FAST;
    }
    if (n > 20) {
      if (n < 22 || n > 30 || s.charAt(19) != '.') {
        return NOT_FAST;
      }
      for (int i = 20; i < n - 1; i++) {
        if (digit(s, i) < 0) {
          return NOT_FAST;
        }
      }
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    int hour = number(s, 11, 2);
    int minute = number(s, 14, 2);
    int second = number(s, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return NOT_FAST;
    }
    return java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400L
        + hour * 3_600L
        + minute * 60L
        + second;
  }

  private static int number(String s, int from, int digits) {
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      int d = digit(s, i);
      if (d < 0) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int digit(String s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '9' ? c - '0' : -1;
  }

  static Instant parseInstant(String text, String type) {
    checkNotNull(text, "text");
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid " + type + " \"" + text + "\": not RFC 3339 at position " + e.getErrorIndex(),
          e);
    }
  }

  /** Seconds since 1970-01-01T00:00:00Z. */
  public long epochSecond() {
    return epochSecond;
  }

  /** This time as an {@link Instant}. */
  public Instant toInstant() {
    return Instant.ofEpochSecond(epochSecond);
  }

  @Override
  public int compareTo(Time other) {
    return Long.compare(epochSecond, other.epochSecond);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Time t && t.epochSecond == epochSecond;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(epochSecond);
  }

  /** RFC 3339 in UTC, e.g. {@code 2008-01-01T01:01:01Z}. */
  @JsonValue
  @Override
  public String toString() {
    return DateTimeFormatter.ISO_INSTANT.format(toInstant());
  }
}
