package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders values the way the API server's Go code prints them into error messages, so that messages
 * match byte for byte: {@code strconv.Quote} for strings, {@code %v} for numbers and {@code
 * encoding/json} for objects and arrays (sorted keys, HTML-safe escaping, Go's float forms). JSON
 * numbers are classified as Go's unstructured decoding classifies them: an integer that fits int64
 * is an int64, every other number a float64. Stateless.
 */
public final class GoFormat {
  private GoFormat() {}

  /** A Go value as {@code field.Error} prints a bad value: quoted strings, plain numbers, JSON. */
  public static String value(@Nullable Object value) {
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Double d) {
      return formatFloat(d);
    }
    if (value instanceof JsonNode node) {
      if (node.isTextual()) {
        return quote(node.textValue());
      }
      if (node.isBoolean()) {
        return Boolean.toString(node.booleanValue());
      }
      if (node.isNumber()) {
        return isInt64(node) ? Long.toString(node.longValue()) : formatFloat(node.doubleValue());
      }
      return json(node);
    }
    return "null";
  }

  /** Whether Go decodes {@code number} as int64 (else as float64). */
  public static boolean isInt64(JsonNode number) {
    return number.isIntegralNumber() && number.canConvertToLong();
  }

  /** Go's {@code strconv.Quote}. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> {
                  if (printable(c)) {
                    out.appendCodePoint(c);
                  } else if (c < 0x80) {
                    out.append(String.format(Locale.ROOT, "\\x%02x", c));
                  } else if (c < 0x10000) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", c));
                  } else {
                    out.append(String.format(Locale.ROOT, "\\U%08x", c));
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  private static boolean printable(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.UNASSIGNED,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }

  /** Go's {@code %v} of a float64 ({@code strconv.FormatFloat(f, 'g', -1, 64)}). */
  public static String formatFloat(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return 1 / f < 0 ? "-0" : "0";
    }
    Digits d = Digits.of(f);
    int exp = d.pointPosition - 1;
    if (exp < -4 || exp >= 6) {
      return d.sign + exponentForm(d, exp);
    }
    return d.sign + plainForm(d);
  }

  /** Go's {@code encoding/json} form of a float64. */
  static String jsonFloat(double f) {
    if (f == 0) {
      return 1 / f < 0 ? "-0" : "0";
    }
    double abs = Math.abs(f);
    Digits d = Digits.of(f);
    if (abs < 1e-6 || abs >= 1e21) {
      String e = exponentForm(d, d.pointPosition - 1);
      // encoding/json trims a leading zero of a two-digit negative exponent: e-07 becomes e-7.
      int n = e.length();
      if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
        e = e.substring(0, n - 2) + e.charAt(n - 1);
      }
      return d.sign + e;
    }
    return d.sign + plainForm(d);
  }

  private static String exponentForm(Digits d, int exp) {
    StringBuilder s = new StringBuilder();
    s.append(d.digits.charAt(0));
    if (d.digits.length() > 1) {
      s.append('.').append(d.digits, 1, d.digits.length());
    }
    s.append('e').append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    if (abs < 10) {
      s.append('0');
    }
    return s.append(abs).toString();
  }

  private static String plainForm(Digits d) {
    String digits = d.digits;
    int point = d.pointPosition;
    if (point <= 0) {
      return "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return digits + "0".repeat(point - digits.length());
    }
    return digits.substring(0, point) + "." + digits.substring(point);
  }

  /** The shortest decimal digits of a double and where the decimal point goes. */
  private record Digits(String sign, String digits, int pointPosition) {
    static Digits of(double f) {
      BigDecimal bd = new BigDecimal(Double.toString(Math.abs(f))).stripTrailingZeros();
      String digits = bd.unscaledValue().toString();
      return new Digits(f < 0 ? "-" : "", digits, digits.length() - bd.scale());
    }
  }

  /** Go's {@code json.Marshal} of a decoded JSON value. */
  public static String json(JsonNode node) {
    StringBuilder out = new StringBuilder();
    writeJson(node, out);
    return out.toString();
  }

  private static void writeJson(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
      entries.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        jsonString(entries.get(i).getKey(), out);
        out.append(':');
        writeJson(entries.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeJson(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      jsonString(node.textValue(), out);
    } else if (node.isNumber()) {
      out.append(isInt64(node) ? Long.toString(node.longValue()) : jsonFloat(node.doubleValue()));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else {
      out.append("null");
    }
  }

  private static void jsonString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Go's {@code time.Duration.String()} of {@code nanos}: {@code 1h0m0s}, {@code 1.5s}, {@code
   * 2ms}.
   */
  public static String duration(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    java.math.BigInteger u = java.math.BigInteger.valueOf(nanos).abs();
    long n = u.longValue();
    if (u.bitLength() < 63 && n < 1_000_000_000L) {
      if (n < 1_000) {
        return sign + n + "ns";
      }
      return n < 1_000_000
          ? sign + fraction(n, 1_000) + "\u00b5s"
          : sign + fraction(n, 1_000_000) + "ms";
    }
    long seconds = u.divide(java.math.BigInteger.valueOf(1_000_000_000L)).longValue();
    long rest = u.mod(java.math.BigInteger.valueOf(1_000_000_000L)).longValue();
    StringBuilder out = new StringBuilder(sign);
    long hours = seconds / 3600;
    long minutes = seconds / 60 % 60;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    out.append(fraction((seconds % 60) * 1_000_000_000L + rest, 1_000_000_000L)).append('s');
    return out.toString();
  }

  /** {@code value / unit} with the fraction's trailing zeros dropped. */
  private static String fraction(long value, long unit) {
    long whole = value / unit;
    long frac = value % unit;
    if (frac == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(unit + frac).substring(1).replaceAll("0+$", "");
    return whole + "." + digits;
  }
}
