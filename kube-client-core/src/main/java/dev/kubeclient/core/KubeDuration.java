package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A length of time written as Go writes durations, e.g. {@code 1h2m3.5s}, {@code 300ms} or {@code
 * 0s}: the port of apimachinery's {@code metav1.Duration}. Named so as not to clash with {@link
 * Duration}, which {@link #toDuration()} converts to.
 *
 * <p>Parsing accepts a sign and a sequence of decimal numbers each followed by a unit ({@code ns},
 * {@code us} or {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}); a bare {@code 0} is zero.
 * Printing gives Go's form: the largest units first, seconds with a trimmed fraction, and below one
 * second the smallest unit that keeps the value at least 1.
 *
 * <p>Instances are immutable and thread-safe; they hold a signed count of nanoseconds.
 */
public final class KubeDuration implements Comparable<KubeDuration> {
  private static final long MICRO = 1_000L;
  private static final long MILLI = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final long nanos;

  private KubeDuration(long nanos) {
    this.nanos = nanos;
  }

  /** A duration of {@code nanos} nanoseconds. */
  public static KubeDuration ofNanos(long nanos) {
    return new KubeDuration(nanos);
  }

  /**
   * Converts {@code duration}.
   *
   * @throws ArithmeticException if it does not fit in a signed 64-bit count of nanoseconds
   */
  public static KubeDuration of(Duration duration) {
    return new KubeDuration(checkNotNull(duration, "duration").toNanos());
  }

  /**
   * Parses Go duration text such as {@code 1h2m3.5s}.
   *
   * @throws IllegalArgumentException naming the text and the position of the problem
   */
  @JsonCreator
  public static KubeDuration parse(String text) {
    checkNotNull(text, "text");
    int pos = 0;
    int end = text.length();
    boolean negative = false;
    if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
      negative = text.charAt(pos) == '-';
      pos++;
    }
    if (text.substring(pos).equals("0")) {
      return new KubeDuration(0);
    }
    if (pos == end) {
      throw error(text, "empty duration", pos);
    }
    BigDecimal total = BigDecimal.ZERO;
    while (pos < end) {
      int numStart = pos;
      while (pos < end && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      String number = text.substring(numStart, pos);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw error(text, "expected a number", numStart);
      }
      int unitStart = pos;
      while (pos < end && !isDigit(text.charAt(pos)) && text.charAt(pos) != '.') {
        pos++;
      }
      long unit = unit(text.substring(unitStart, pos));
      if (unit == 0) {
        throw error(
            text,
            unitStart == pos
                ? "missing unit"
                : "unknown unit \"" + text.substring(unitStart, pos) + "\"",
            unitStart);
      }
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    total = total.setScale(0, RoundingMode.DOWN);
    if (negative) {
      total = total.negate();
    }
    if (total.compareTo(MIN) < 0 || total.compareTo(MAX) > 0) {
      throw error(text, "out of range", 0);
    }
    return new KubeDuration(total.longValueExact());
  }

  private static long unit(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> MICRO;
      case "ms" -> MILLI;
      case "s" -> SECOND;
      case "m" -> 60 * SECOND;
      case "h" -> 3600 * SECOND;
      default -> 0L;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException error(String text, String problem, int position) {
    return new IllegalArgumentException(
        "invalid duration \"" + text + "\": " + problem + " at position " + position);
  }

  /** The signed length in nanoseconds. */
  public long toNanos() {
    return nanos;
  }

  /** This length as a {@link Duration}. */
  public Duration toDuration() {
    return Duration.ofNanos(nanos);
  }

  @Override
  public int compareTo(KubeDuration other) {
    return Long.compare(nanos, other.nanos);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KubeDuration d && d.nanos == nanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nanos);
  }

  /** Go's form, e.g. {@code 1h2m3.5s}, {@code 1.5ms}, {@code 0s}. */
  @JsonValue
  @Override
  public String toString() {
    if (nanos == 0) {
      return "0s";
    }
    // Work on the magnitude as unsigned, so that Long.MIN_VALUE prints too.
    long u = nanos < 0 ? -nanos : nanos;
    StringBuilder b = new StringBuilder(24);
    if (nanos < 0) {
      b.append('-');
    }
    if (Long.compareUnsigned(u, SECOND) < 0) {
      if (u < MICRO) {
        return b.append(u).append("ns").toString();
      }
      if (u < MILLI) {
        return fraction(b, u, MICRO).append("\u00b5s").toString();
      }
      return fraction(b, u, MILLI).append("ms").toString();
    }
    long seconds = Long.divideUnsigned(u, SECOND);
    long subNanos = Long.remainderUnsigned(u, SECOND);
    long minutes = seconds / 60;
    long hours = minutes / 60;
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (minutes > 0) {
      b.append(minutes % 60).append('m');
    }
    return fraction(b, (seconds % 60) * SECOND + subNanos, SECOND).append('s').toString();
  }

  private static StringBuilder fraction(StringBuilder b, long value, long unit) {
    b.append(value / unit);
    long frac = value % unit;
    if (frac != 0) {
      String digits = Long.toString(unit + frac).substring(1);
      int last = digits.length();
      while (digits.charAt(last - 1) == '0') {
        last--;
      }
      b.append('.').append(digits, 0, last);
    }
    return b;
  }
}
