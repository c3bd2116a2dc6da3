package dev.kubeclient.core.internal;

/**
 * Reads the one timestamp form the API server writes, {@code 2008-01-01T01:01:01Z} with an optional
 * fraction of a second, straight from characters: {@code Time} and {@code MicroTime} parse text
 * with it, and the model readers parse the parser's own buffer, so that a timestamp costs no
 * string. Anything else (offsets, lower case, out-of-range fields) is left to the full RFC 3339
 * parser, which reads or rejects it. Stateless; thread-safe.
 */
public final class Timestamps {
  /** What {@link #epochSecond} returns for text that is not in the fast form. */
  public static final long NOT_FAST = Long.MIN_VALUE;

  private Timestamps() {}

  /**
   * The epoch second of {@code len} characters of {@code s} from {@code off}, or {@link #NOT_FAST}.
   * A fraction, when present, is 1 to 9 digits after the seconds and is not part of the result.
   */
  public static long epochSecond(char[] s, int off, int len) {
    if (len < 20
        || s[off + len - 1] != 'Z'
        || s[off + 4] != '-'
        || s[off + 7] != '-'
        || s[off + 10] != 'T'
        || s[off + 13] != ':'
        || s[off + 16] != ':') {
      return NOT_FAST;
    }
    if (len > 20) {
      if (len < 22 || len > 30 || s[off + 19] != '.') {
        return NOT_FAST;
      }
      for (int i = off + 20; i < off + len - 1; i++) {
        if (digit(s[i]) < 0) {
          return NOT_FAST;
        }
      }
    }
    int year = number(s, off, 4);
    int month = number(s, off + 5, 2);
    int day = number(s, off + 8, 2);
    int hour = number(s, off + 11, 2);
    int minute = number(s, off + 14, 2);
    int second = number(s, off + 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return NOT_FAST;
    }
    return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
  }

  private static int daysInMonth(int year, int month) {
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  // Days since 1970-01-01 of a proleptic Gregorian date with a year of 0 to 9999, by counting whole
  // 400-year eras from 0000-03-01 (so that the leap day ends a year), with no objects made.
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }

  private static int number(char[] s, int from, int digits) {
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      int d = digit(s[i]);
      if (d < 0) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : -1;
  }
}
