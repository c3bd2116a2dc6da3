package dev.kubeclient.rest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubeclient.core.codec.DecodeException;

/**
 * Describes where JSON or YAML input went wrong without quoting it: Jackson's own messages quote
 * the offending text, which may be a token or Secret data.
 */
public final class JsonErrors {
  private JsonErrors() {}

  /**
   * A {@link DecodeException} with {@code message} plus the position of {@code e}, without {@code
   * e} as cause (its message quotes the input).
   */
  public static DecodeException decodeError(String message, JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return new DecodeException(
        message + position(e) + ": " + e.getClass().getSimpleName(),
        -1,
        l == null ? -1 : l.getLineNr(),
        l == null ? -1 : l.getColumnNr(),
        null);
  }

  /** A {@link DecodeException} without position. */
  public static DecodeException decodeError(String message) {
    return new DecodeException(message, -1, -1, -1, null);
  }

  /** Returns {@code " at line L, column C"}, or an empty string when the position is unknown. */
  public static String position(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
  }
}
