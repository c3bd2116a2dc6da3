package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * An exact fixed-point amount such as {@code 100m}, {@code 1.5Gi} or {@code 2e3}: the port of
 * apimachinery's {@code resource.Quantity}, the type of every resource request, limit and capacity.
 *
 * <p>Parsing accepts the API's grammar: an optional sign, a decimal number, and a suffix that is a
 * binary SI unit ({@code Ki Mi Gi Ti Pi Ei}), a decimal SI unit ({@code n u m "" k M G T P E}) or a
 * decimal exponent ({@code e3}, {@code E-2}). As on the API server, values finer than one nano are
 * rounded up (away from zero) to the next nano, so that asking for a tiny amount still gets some.
 *
 * <p>{@link #toString()} gives the canonical form the API server prints: the mantissa is an
 * integer, the suffix keeps the family (binary, decimal, exponent) of the parsed input, and the
 * exponent is a multiple of three ({@code 1000} prints as {@code 1k}, {@code 0.1} as {@code 100m},
 * {@code 1.5Gi} as {@code 1536Mi}). Like the API server, a string that is already canonical is kept
 * verbatim, so decoding and encoding a document gives the same text. Binary amounts below 1024 or
 * with a fraction print in decimal form, as the server does. Where the server would run out of
 * suffixes (decimal exponents above {@code E}), the mantissa grows instead ({@code 1000E}).
 *
 * <p>Equality is numeric: {@code 1} equals {@code 1000m}, in line with {@link #compareTo}.
 *
 * <p>Instances are immutable and thread-safe. The value is a {@link BigDecimal}, which stores
 * values of up to 18 digits in a single long without a separate array.
 */
public final class Quantity implements Comparable<Quantity> {
  /** The family of suffix a quantity is printed with; client-go's {@code resource.Format}. */
  public enum Format {
    /** Powers of 1024: {@code Ki}, {@code Mi}, ... {@code Ei}. */
    BINARY_SI,
    /** Powers of 1000: {@code n}, {@code u}, {@code m}, none, {@code k}, ... {@code E}. */
    DECIMAL_SI,
    /** Powers of ten written as {@code e<n>}. */
    DECIMAL_EXPONENT
  }

  private static final String[] DECIMAL_SUFFIXES = {
    "n", "u", "m", "", "k", "M", "G", "T", "P", "E"
  };
  private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigDecimal BINARY_LIMIT = BigDecimal.valueOf(1024);
  private static final BigInteger KI = BigInteger.valueOf(1024);
  private static final int NANO_SCALE = 9;

  /** Zero, printed as {@code 0}. */
  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI, "0");

  private final BigDecimal value;
  private final Format format;
  private final String string;

  private Quantity(BigDecimal value, Format format, @Nullable String string) {
    this.value = value;
    this.format = format;
    this.string = string != null ? string : canonical(value, format);
  }

  /**
   * Parses {@code text} in the API's quantity grammar.
   *
   * @throws NumberFormatException naming the text and what is wrong with it
   */
  @JsonCreator
  public static Quantity parse(String text) {
    checkNotNull(text, "text");
    return QuantityParser.parse(text);
  }

  /** A JSON or YAML number where a quantity string was expected, as the API server accepts. */
  @JsonCreator
  static Quantity fromJsonNumber(long number) {
    return parse(Long.toString(number));
  }

  /** A JSON or YAML fractional number where a quantity string was expected. */
  @JsonCreator
  static Quantity fromJsonNumber(BigDecimal number) {
    return parse(number.toPlainString());
  }

  /** Creates a quantity from an exact value and the format it should print in. */
  public static Quantity of(BigDecimal value, Format format) {
    checkNotNull(value, "value");
    checkNotNull(format, "format");
    BigDecimal v = value.scale() > NANO_SCALE ? value.setScale(NANO_SCALE, RoundingMode.UP) : value;
    return new Quantity(v, format, null);
  }

  /** Creates a quantity of {@code bytes}, printed with binary suffixes ({@code 1Gi}). */
  public static Quantity ofBytes(long bytes) {
    return new Quantity(BigDecimal.valueOf(bytes), Format.BINARY_SI, null);
  }

  /** Creates a quantity of {@code millis} thousandths, printed in decimal form ({@code 250m}). */
  public static Quantity ofMillis(long millis) {
    return new Quantity(BigDecimal.valueOf(millis, 3), Format.DECIMAL_SI, null);
  }

  /** Creates a whole-number quantity printed in decimal form ({@code 2}, {@code 3k}). */
  public static Quantity of(long value) {
    return new Quantity(BigDecimal.valueOf(value), Format.DECIMAL_SI, null);
  }

  // Used by the parser, which decides whether the input string is canonical.
  static Quantity create(BigDecimal value, Format format, @Nullable String keptString) {
    return new Quantity(value, format, keptString);
  }

  /** The exact value. */
  public BigDecimal value() {
    return value;
  }

  /** The format this quantity prints in. */
  public Format format() {
    return format;
  }

  /** -1, 0 or 1 as the value is negative, zero or positive. */
  public int signum() {
    return value.signum();
  }

  /** Whether the value is zero. */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /**
   * The value rounded up to a whole number, as client-go's {@code Value()}; for memory and storage
   * this is the number of bytes.
   *
   * @throws ArithmeticException if the value does not fit in a long
   */
  public long toBytes() {
    return scaledCeiling(0);
  }

  /**
   * The value in thousandths rounded up, as client-go's {@code MilliValue()}; for CPU this is
   * millicores.
   *
   * @throws ArithmeticException if the result does not fit in a long
   */
  public long toMillis() {
    return scaledCeiling(3);
  }

  private long scaledCeiling(int decimals) {
    BigDecimal shifted = value.movePointRight(decimals);
    // Check the magnitude before rounding: a huge exponent must not be expanded into digits.
    if (shifted.precision() - shifted.scale() > 19) {
      throw new ArithmeticException("quantity " + string + " does not fit in a long");
    }
    return shifted.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /**
   * The sum of this and {@code other}; it keeps this quantity's format unless this is zero, in
   * which case it takes {@code other}'s, as client-go's {@code Add} does.
   */
  public Quantity add(Quantity other) {
    checkNotNull(other, "other");
    return new Quantity(value.add(other.value), isZero() ? other.format : format, null);
  }

  /** The difference of this and {@code other}, with the format rule of {@link #add}. */
  public Quantity subtract(Quantity other) {
    checkNotNull(other, "other");
    return new Quantity(value.subtract(other.value), isZero() ? other.format : format, null);
  }

  /** The negated quantity, in the same format. */
  public Quantity negate() {
    return new Quantity(value.negate(), format, null);
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Quantity q && value.compareTo(q.value) == 0;
  }

  @Override
  public int hashCode() {
    return isZero() ? 0 : value.stripTrailingZeros().hashCode();
  }

  /** The canonical string (or the original input when that was already canonical). */
  @JsonValue
  @Override
  public String toString() {
    return string;
  }

  private static String canonical(BigDecimal value, Format format) {
    if (value.signum() == 0) {
      return "0";
    }
    Format f = format;
    BigDecimal whole = null;
    if (f == Format.BINARY_SI) {
      if (value.abs().compareTo(BINARY_LIMIT) < 0) {
        f = Format.DECIMAL_SI;
      } else {
        whole = value.setScale(0, RoundingMode.UP);
        if (whole.compareTo(value) != 0) {
          f = Format.DECIMAL_SI; // printing in binary would lose the fraction
        }
      }
    }
    if (f == Format.BINARY_SI) {
      BigInteger mantissa = whole.toBigIntegerExact();
      int power = 0;
      while (power < BINARY_SUFFIXES.length - 1) {
        BigInteger[] qr = mantissa.divideAndRemainder(KI);
        if (qr[1].signum() != 0) {
          break;
        }
        mantissa = qr[0];
        power++;
      }
      return mantissa + BINARY_SUFFIXES[power];
    }
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    long exponent = -(long) stripped.scale();
    while (Math.floorMod(exponent, 3) != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN);
      exponent--;
    }
    if (f == Format.DECIMAL_EXPONENT) {
      return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
    if (exponent > 18 + 1000) {
      return mantissa + "e" + exponent; // no suffix left and too many digits to write out
    }
    if (exponent > 18) {
      mantissa = mantissa.multiply(BigInteger.TEN.pow((int) (exponent - 18)));
      exponent = 18;
    }
    return mantissa + DECIMAL_SUFFIXES[(int) (exponent / 3) + 3];
  }
}
