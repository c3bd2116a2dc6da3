package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value that is either an int or a string, such as a container port given by number ({@code
 * 8080}) or by name ({@code "http"}), or a rolling-update surge of {@code 1} or {@code "25%"}; the
 * port of apimachinery's {@code intstr.IntOrString}. In JSON it is written as a number or a string,
 * exactly as it was given.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IntOrString {
  private final int intValue;
  private final @Nullable String stringValue;

  /**
   * Recent int values, one per slot by the value's low bits: probe and service ports repeat in
   * every object of a cache. Instances are immutable, so a racing write only loses a slot.
   */
  private static final IntOrString[] RECENT_INTS = new IntOrString[1 << 8];

  /** Recent string values (port names such as {@code http}), one per slot by hash. */
  private static final IntOrString[] RECENT_STRINGS = new IntOrString[1 << 8];

  private IntOrString(int intValue, @Nullable String stringValue) {
    this.intValue = intValue;
    this.stringValue = stringValue;
  }

  /** An int value. */
  public static IntOrString of(int value) {
    int slot = value & (RECENT_INTS.length - 1);
    IntOrString cached = RECENT_INTS[slot];
    if (cached != null && cached.intValue == value && cached.stringValue == null) {
      return cached;
    }
    IntOrString v = new IntOrString(value, null);
    RECENT_INTS[slot] = v;
    return v;
  }

  /** A string value. */
  public static IntOrString of(String value) {
    checkNotNull(value, "value");
    int h = value.hashCode();
    int slot = (h ^ (h >>> 16)) & (RECENT_STRINGS.length - 1);
    IntOrString cached = RECENT_STRINGS[slot];
    if (cached != null && value.equals(cached.stringValue)) {
      return cached;
    }
    IntOrString v = new IntOrString(0, value);
    RECENT_STRINGS[slot] = v;
    return v;
  }

  /**
   * The JSON form: an integral number or a string.
   *
   * @throws IllegalArgumentException for any other value (a fraction, a boolean, an object)
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static IntOrString fromJson(Object value) {
    if (value instanceof String s) {
      return of(s);
    }
    if (value instanceof Integer i) {
      return of(i);
    }
    throw new IllegalArgumentException(
        "IntOrString must be an int32 or a string, got " + describe(value));
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }

  /** Whether this holds an int. */
  public boolean isInt() {
    return stringValue == null;
  }

  /** Whether this holds a string. */
  public boolean isString() {
    return stringValue != null;
  }

  /**
   * The int value.
   *
   * @throws IllegalStateException if this holds a string
   */
  public int intValue() {
    if (stringValue != null) {
      throw new IllegalStateException(
          "IntOrString holds the string \"" + stringValue + "\", not an int");
    }
    return intValue;
  }

  /**
   * The string value.
   *
   * @throws IllegalStateException if this holds an int
   */
  public String stringValue() {
    String s = stringValue;
    if (s == null) {
      throw new IllegalStateException("IntOrString holds the int " + intValue + ", not a string");
    }
    return s;
  }

  /** The JSON value: an {@link Integer} or a {@link String}. */
  @JsonValue
  public Object toJson() {
    return stringValue != null ? stringValue : Integer.valueOf(intValue);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IntOrString other
        && intValue == other.intValue
        && Objects.equals(stringValue, other.stringValue);
  }

  @Override
  public int hashCode() {
    return stringValue != null ? stringValue.hashCode() : Integer.hashCode(intValue);
  }

  /** The int in decimal, or the string. */
  @Override
  public String toString() {
    return stringValue != null ? stringValue : Integer.toString(intValue);
  }
}
