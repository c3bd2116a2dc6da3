package dev.kubeclient.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Parses the quantity grammar. Kept apart from {@link Quantity} so the value type stays small; it
 * follows the API server's rules for rounding, capping and for when the input string is already
 * canonical and can be kept verbatim.
 */
final class QuantityParser {
  private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final int NANO_SCALE = 9;
  private static final int MAX_FAST_DIGITS = 18;
  // Added to binary exponents in the suffix table so one switch can tell the families apart.
  private static final int BINARY_MARK = 1 << 20;

  private QuantityParser() {}

  static Quantity parse(String text) {
    if (text.isEmpty()) {
      throw error(text, "empty string");
    }
    if (text.equals("0")) {
      return Quantity.ZERO;
    }
    int pos = 0;
    int end = text.length();
    boolean negative = false;
    char first = text.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      pos++;
    }
    int intStart = pos;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    String intDigits = text.substring(intStart, pos);
    String fracDigits = "";
    if (pos < end && text.charAt(pos) == '.') {
      int fracStart = ++pos;
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
      }
      fracDigits = text.substring(fracStart, pos);
    }
    if (intDigits.isEmpty() && fracDigits.isEmpty()) {
      throw error(text, "no digits at position " + intStart);
    }
    String suffix = text.substring(pos);
    Quantity.Format format;
    int exponent;
    boolean binary = false;
    switch (suffix) {
      case "n" -> exponent = -9;
      case "u" -> exponent = -6;
      case "m" -> exponent = -3;
      case "" -> exponent = 0;
      case "k" -> exponent = 3;
      case "M" -> exponent = 6;
      case "G" -> exponent = 9;
      case "T" -> exponent = 12;
      case "P" -> exponent = 15;
      case "E" -> exponent = 18;
      case "Ki" -> exponent = binary(10);
      case "Mi" -> exponent = binary(20);
      case "Gi" -> exponent = binary(30);
      case "Ti" -> exponent = binary(40);
      case "Pi" -> exponent = binary(50);
      case "Ei" -> exponent = binary(60);
      default -> exponent = Integer.MIN_VALUE;
    }
    if (exponent == Integer.MIN_VALUE) {
      exponent = parseExponent(text, suffix, pos);
      format = Quantity.Format.DECIMAL_EXPONENT;
    } else if (suffix.endsWith("i")) {
      binary = true;
      exponent = exponent - BINARY_MARK;
      format = Quantity.Format.BINARY_SI;
    } else {
      format = Quantity.Format.DECIMAL_SI;
    }

    String num = stripLeadingZeros(intDigits);
    BigDecimal value;
    try {
      value =
          new BigDecimal(
              (num.isEmpty() ? "0" : num) + (fracDigits.isEmpty() ? "" : "." + fracDigits));
      value =
          binary
              ? value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)))
              : value.scaleByPowerOfTen(exponent);
    } catch (ArithmeticException | NumberFormatException e) {
      throw error(text, "number out of range");
    }
    if (negative) {
      value = value.negate();
    }
    String kept = isCanonicalAsWritten(num, fracDigits, exponent, binary) ? text : null;
    if (value.scale() > NANO_SCALE) {
      value = value.setScale(NANO_SCALE, RoundingMode.UP);
    }
    if (binary) {
      if (value.abs().compareTo(MAX_BINARY) > 0) {
        value = negative ? MAX_BINARY.negate() : MAX_BINARY;
        kept = null;
      }
      if (value.signum() != 0 && value.abs().compareTo(BigDecimal.ONE) < 0) {
        format = Quantity.Format.DECIMAL_SI;
      }
    }
    return Quantity.create(value, format, kept);
  }

  private static int binary(int power) {
    return power + BINARY_MARK;
  }

  private static int parseExponent(String text, String suffix, int pos) {
    if (suffix.length() < 2 || (suffix.charAt(0) != 'e' && suffix.charAt(0) != 'E')) {
      throw error(text, "unknown suffix \"" + suffix + "\" at position " + pos);
    }
    String digits = suffix.substring(1);
    int i = digits.startsWith("-") || digits.startsWith("+") ? 1 : 0;
    if (i == digits.length()) {
      throw error(text, "exponent without digits at position " + pos);
    }
    for (int j = i; j < digits.length(); j++) {
      if (!isDigit(digits.charAt(j))) {
        throw error(text, "unexpected '" + digits.charAt(j) + "' at position " + (pos + 1 + j));
      }
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw error(text, "exponent out of range at position " + pos);
    }
  }

  /**
   * The API server keeps the input text when it parsed on its fast path and is already canonical:
   * an integral mantissa without trailing "000" and an exponent that is a multiple of three, or a
   * binary amount not divisible by 8.
   */
  private static boolean isCanonicalAsWritten(
      String num, String frac, int exponent, boolean binary) {
    String shifted = (num.isEmpty() ? "0" : num) + frac;
    if (binary) {
      int precision = 15 - num.length() - (int) (exponent * 3f / 10) - 1;
      if (!frac.isEmpty() || precision < 0) {
        return false;
      }
      long n = Long.parseLong(shifted);
      // Fits: precision >= 0 keeps n * 2^exponent well inside a long.
      return (n & 0x07) != 0;
    }
    if (MAX_FAST_DIGITS - shifted.length() < 0) {
      return false;
    }
    long scale = (long) exponent - frac.length();
    return scale >= -NANO_SCALE
        && scale % 3 == 0
        && !shifted.endsWith("000")
        && shifted.charAt(0) != '0';
  }

  private static String stripLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static NumberFormatException error(String text, String problem) {
    return new NumberFormatException("invalid quantity \"" + text + "\": " + problem);
  }
}
