package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Value semantics of structured-merge-diff on Jackson trees: its total order (floats, ints,
 * strings, booleans, lists, maps, null), its equality (an int and a float are equal when their
 * numbers are), and the two ways it prints a value: Go's {@code %q}-style form in paths ({@code
 * [name="a"]}) and Go's {@code encoding/json} form in FieldsV1 keys ({@code k:{"name":"a"}}).
 */
public final class Values {
  private Values() {}

  private static int rank(JsonNode v) {
    if (v.isFloatingPointNumber()) {
      return 0;
    }
    if (v.isIntegralNumber()) {
      return 1;
    }
    if (v.isTextual()) {
      return 2;
    }
    if (v.isBoolean()) {
      return 3;
    }
    if (v.isArray()) {
      return 4;
    }
    if (v.isObject()) {
      return 5;
    }
    return v.isNull() ? 6 : 7;
  }

  /** structured-merge-diff's {@code value.Compare}: a total order across types. */
  static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber() && (a.isFloatingPointNumber() || b.isFloatingPointNumber())) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return ra < rb ? -1 : 1;
    }
    switch (ra) {
      case 1:
        return a.bigIntegerValue().compareTo(b.bigIntegerValue());
      case 2:
        return Integer.signum(a.textValue().compareTo(b.textValue()));
      case 3:
        return Boolean.compare(a.booleanValue(), b.booleanValue());
      case 4:
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = compare(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      case 5:
        return compareMaps(a, b);
      default:
        return 0;
    }
  }

  private static int compareMaps(JsonNode a, JsonNode b) {
    if (a.size() == 0 && b.size() == 0) {
      return 0;
    }
    TreeMap<String, JsonNode[]> zipped = new TreeMap<>();
    a.properties()
        .forEach(e -> zipped.computeIfAbsent(e.getKey(), k -> new JsonNode[2])[0] = e.getValue());
    b.properties()
        .forEach(e -> zipped.computeIfAbsent(e.getKey(), k -> new JsonNode[2])[1] = e.getValue());
    int i = 0;
    for (JsonNode[] pair : zipped.values()) {
      int c;
      if (i == a.size()) {
        c = -1;
      } else if (i == b.size()) {
        c = 1;
      } else if (pair[0] == null) {
        c = 1;
      } else if (pair[1] == null) {
        c = -1;
      } else {
        c = compare(pair[0], pair[1]);
      }
      if (c != 0) {
        return c;
      }
      i++;
    }
    return 0;
  }

  /** structured-merge-diff's {@code value.Equals}; absent values are equal only to each other. */
  static boolean equal(@Nullable JsonNode a, @Nullable JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      if (a.isFloatingPointNumber() || b.isFloatingPointNumber()) {
        return a.doubleValue() == b.doubleValue();
      }
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        if (!equal(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.getNodeType() == b.getNodeType() && a.equals(b);
  }

  /** A hash consistent with {@link #equal}. */
  static int hash(JsonNode v) {
    if (v.isNumber()) {
      return Double.hashCode(v.doubleValue());
    }
    if (v.isArray()) {
      int h = 1;
      for (JsonNode item : v) {
        h = 31 * h + hash(item);
      }
      return h;
    }
    if (v.isObject()) {
      int h = 0;
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        h += e.getKey().hashCode() ^ hash(e.getValue());
      }
      return h;
    }
    return v.hashCode();
  }

  /** {@code value.ToString}: how a value appears in a printed path. */
  static String display(JsonNode v) {
    if (v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isFloatingPointNumber()) {
      return goFloat(v.doubleValue());
    }
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    if (v.isTextual()) {
      return goQuote(v.textValue());
    }
    if (v.isBoolean()) {
      return Boolean.toString(v.booleanValue());
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(item -> items.add(display(item)));
      return "[" + String.join(",", items) + "]";
    }
    StringBuilder b = new StringBuilder();
    v.properties().forEach(e -> b.append(e.getKey()).append('=').append(display(e.getValue())));
    return b.toString();
  }

  /** Go's {@code strconv.Quote}. */
  public static String goQuote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                  if (isPrint(cp)) {
                    b.appendCodePoint(cp);
                  } else if (cp < 0x80) {
                    b.append(String.format("\\x%02x", cp));
                  } else if (cp < 0x10000) {
                    b.append(String.format("\\u%04x", cp));
                  } else {
                    b.append(String.format("\\U%08x", cp));
                  }
                }
              }
            });
    return b.append('"').toString();
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  public static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /** Go's {@code encoding/json} form: map keys sorted, HTML characters escaped. */
  public static String goJson(JsonNode v) {
    StringBuilder b = new StringBuilder();
    writeGoJson(v, b);
    return b.toString();
  }

  private static void writeGoJson(JsonNode v, StringBuilder b) {
    if (v.isTextual()) {
      writeGoString(v.textValue(), b);
    } else if (v.isFloatingPointNumber()) {
      b.append(goFloat(v.doubleValue()));
    } else if (v.isIntegralNumber()) {
      b.append(v.bigIntegerValue());
    } else if (v.isBoolean()) {
      b.append(v.booleanValue());
    } else if (v.isArray()) {
      b.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        writeGoJson(v.get(i), b);
      }
      b.append(']');
    } else if (v.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      v.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        writeGoString(e.getKey(), b);
        b.append(':');
        writeGoJson(e.getValue(), b);
      }
      b.append('}');
    } else {
      b.append("null");
    }
  }

  private static void writeGoString(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** A float64 as Go's {@code %v} and {@code encoding/json} print it, for ordinary magnitudes. */
  private static String goFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      return String.format("%e", d)
          .replaceFirst("\\.?0*e", "e")
          .replaceFirst("e([+-])0?(\\d)", "e$1$2");
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}
