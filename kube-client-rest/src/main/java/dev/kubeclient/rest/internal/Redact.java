package dev.kubeclient.rest.internal;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Hides secrets in values that are shown in messages and {@code toString()}. */
public final class Redact {
  /** What replaces a secret, as client-go writes it. */
  public static final String REDACTED = "--- REDACTED ---";

  private Redact() {}

  /**
   * The URL with the password of its user info replaced by {@code xxxxx}, as Go's {@code
   * url.URL.Redacted()} does; unchanged when it has no password.
   */
  public static String url(@Nullable URI uri) {
    if (uri == null) {
      return "null";
    }
    String userInfo = uri.getRawUserInfo();
    int colon = userInfo == null ? -1 : userInfo.indexOf(':');
    if (colon < 0) {
      return uri.toString();
    }
    String text = uri.toString();
    int at = text.indexOf(userInfo);
    return text.substring(0, at + colon + 1) + "xxxxx" + text.substring(at + userInfo.length());
  }

  /** {@link #url(URI)} of a string that may not parse; unparseable text is hidden whole. */
  public static String url(@Nullable String uri) {
    if (uri == null) {
      return "null";
    }
    try {
      return url(URI.create(uri));
    } catch (IllegalArgumentException e) {
      return uri.contains("@") ? REDACTED : uri;
    }
  }
}
