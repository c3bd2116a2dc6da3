package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A point in time with microsecond precision, as used by leases and events ({@code renewTime},
 * {@code eventTime}): the port of apimachinery's {@code metav1.MicroTime}. It is read from RFC 3339
 * text in any offset (digits beyond microseconds are dropped) and always written in UTC with six
 * fraction digits, e.g. {@code 2004-01-01T01:01:01.000004Z}.
 *
 * <p>Instances are immutable and thread-safe; they hold only the epoch microsecond.
 */
public final class MicroTime implements Comparable<MicroTime> {
  private final long epochMicros;

  private MicroTime(long epochMicros) {
    this.epochMicros = epochMicros;
  }

  /** The time at {@code epochMicros} microseconds after 1970-01-01T00:00:00Z. */
  public static MicroTime ofEpochMicros(long epochMicros) {
    return new MicroTime(epochMicros);
  }

  /** {@code instant} truncated to the microsecond (towards the past). */
  public static MicroTime of(Instant instant) {
    checkNotNull(instant, "instant");
    return new MicroTime(
        Math.addExact(
            Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000));
  }

  /** The current time, truncated to the microsecond. */
  public static MicroTime now() {
    return of(Instant.now());
  }

  /**
   * Parses RFC 3339 text such as {@code 2004-01-01T01:01:01.000004Z}.
   *
   * @throws IllegalArgumentException naming the text and the position of the problem
   */
  @JsonCreator
  public static MicroTime parse(String text) {
    checkNotNull(text, "text");
    long second = Time.fastEpochSecond(text);
    if (second != Long.MIN_VALUE) {
      // The fast form: the fraction, if any, is digits between '.' and the final 'Z'.
      long micros = 0;
      int digits = 0;
      for (int i = 20; i < text.length() - 1 && digits < 6; i++, digits++) {
        micros = micros * 10 + (text.charAt(i) - '0');
      }
      for (; digits < 6; digits++) {
        micros *= 10;
      }
      return ofEpochMicros(second * 1_000_000L + micros);
    }
    return of(Time.parseInstant(text, "MicroTime"));
  }

  /** Microseconds since 1970-01-01T00:00:00Z. */
  public long epochMicros() {
    return epochMicros;
  }

  /** This time as an {@link Instant}. */
  public Instant toInstant() {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000L);
  }

  @Override
  public int compareTo(MicroTime other) {
    return Long.compare(epochMicros, other.epochMicros);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MicroTime t && t.epochMicros == epochMicros;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(epochMicros);
  }

  /** RFC 3339 in UTC with six fraction digits, e.g. {@code 2004-01-01T01:01:01.000004Z}. */
  @JsonValue
  @Override
  public String toString() {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(27);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2).append('.');
    return pad(b, micros, 6).append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }
}
