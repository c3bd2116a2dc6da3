package dev.kubeclient.rest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Describes where JSON or YAML input went wrong without quoting it: Jackson's own messages quote
 * the offending text, which may be a token or Secret data.
 */
public final class JsonErrors {
  private JsonErrors() {}

  /** Returns {@code " at line L, column C"}, or an empty string when the position is unknown. */
  public static String position(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
  }
}
