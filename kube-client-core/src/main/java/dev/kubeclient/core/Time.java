package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kubeclient.core.internal.Timestamps;
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

  /**
   * Recent instances, one per slot by the second's low bits. A pod carries about ten timestamps,
   * most of them equal to another one of it (created, scheduled, started, ready), and objects
   * created together share them; a cache of them kept one instance per timestamp. Instances are
   * immutable, so a racing write only loses a slot.
   */
  private static final Time[] RECENT = new Time[1 << 10];

  private Time(long epochSecond) {
    this.epochSecond = epochSecond;
  }

  /** The time at {@code epochSecond} seconds after 1970-01-01T00:00:00Z. */
  public static Time ofEpochSecond(long epochSecond) {
    int slot = (int) epochSecond & (RECENT.length - 1);
    Time cached = RECENT[slot];
    if (cached != null && cached.epochSecond == epochSecond) {
      return cached;
    }
    Time t = new Time(epochSecond);
    RECENT[slot] = t;
    return t;
  }

  /** {@code instant} truncated to the second (towards the past). */
  public static Time of(Instant instant) {
    return ofEpochSecond(checkNotNull(instant, "instant").getEpochSecond());
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
    return ofEpochSecond(
        fast != Timestamps.NOT_FAST ? fast : parseInstant(text, "Time").getEpochSecond());
  }

  /**
   * The epoch second of the form the API server writes, or {@link Timestamps#NOT_FAST} for anything
   * else, which the full RFC 3339 parser then reads or rejects. Decoding a pod meets about ten
   * timestamps, and the general parser costs more than the rest of reading one.
   */
  static long fastEpochSecond(String s) {
    return Timestamps.epochSecond(s.toCharArray(), 0, s.length());
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
