package dev.kubeclient.rest.internal;

import dev.kubeclient.core.meta.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the rest layer turns failures into exceptions: an error response (Status body
 * or not), a Status carried by a watch ERROR event, and transport failures. It isolates the rest
 * layer from how core's exception family is constructed.
 */
public final class RestErrors {
  /** Non-Status bodies are quoted in messages up to this many bytes. */
  static final int MAX_BODY_BYTES = 1024;

  private RestErrors() {}

  /**
   * Builds the exception for a non-2xx response; reads at most a bounded prefix of a non-Status
   * body.
   */
  public static RuntimeException fromResponse(
      int code,
      String verb,
      String url,
      InputStream body,
      @Nullable String contentType,
      Map<String, List<String>> headers) {
    byte[] prefix;
    try {
      prefix = body.readNBytes(64 * 1024);
    } catch (IOException e) {
      prefix = new byte[0];
    }
    Status status = null;
    try {
      if (prefix.length > 0) {
        Status s = Json.mapper().readValue(prefix, Status.class);
        if ("Status".equals(s.getKind())) {
          status = s;
        }
      }
    } catch (IOException | RuntimeException e) {
      status = null;
    }
    if (status == null) {
      String text =
          new String(prefix, 0, Math.min(prefix.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
      status =
          new Status()
              .kind("Status")
              .status("Failure")
              .code(code)
              .message(
                  "the server responded with HTTP "
                      + code
                      + (text.isBlank() ? " and an empty body" : ": " + text)
                      + (prefix.length > MAX_BODY_BYTES ? "..." : ""));
    }
    if (status.getCode() == null || status.getCode() == 0) {
      status.setCode(code);
    }
    return new PendingApiException(status, verb, url, retryAfterSeconds(headers));
  }

  /** Builds the exception for a Status received in a watch ERROR event. */
  public static RuntimeException fromStatus(Status status, String verb, String url) {
    return new PendingApiException(status, verb, url, 0);
  }

  /** Wraps a transport failure, naming the request. */
  public static RuntimeException transport(String verb, String url, IOException cause) {
    return new TransportException(verb + " " + url + " failed: " + cause.getMessage(), cause);
  }

  /** The HTTP code of an API error; 0 for any other throwable. */
  public static int code(Throwable t) {
    return t instanceof PendingApiException ? ((PendingApiException) t).code() : 0;
  }

  /** Whether {@code t} is 410 Gone / ResourceExpired. */
  public static boolean isGone(Throwable t) {
    if (!(t instanceof PendingApiException)) {
      return false;
    }
    PendingApiException e = (PendingApiException) t;
    return e.code() == 410
        || "Expired".equals(e.status().getReason())
        || "Gone".equals(e.status().getReason());
  }

  private static int retryAfterSeconds(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("Retry-After") && !h.getValue().isEmpty()) {
        try {
          return Integer.parseInt(h.getValue().get(0).strip());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  /** Stand-in for core's ApiException until it is available. */
  static final class PendingApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Status status;
    private final int retryAfterSeconds;

    PendingApiException(Status status, String verb, String url, int retryAfterSeconds) {
      super(
          verb
              + " "
              + url
              + ": "
              + status.getCode()
              + " "
              + (status.getReason() == null ? "" : status.getReason() + ": ")
              + status.getMessage());
      this.status = status;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    int code() {
      Integer c = status.getCode();
      return c == null ? 0 : c;
    }

    Status status() {
      return status;
    }

    int retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** Stand-in for core's transport exception until it is available. */
  static final class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransportException(String message, IOException cause) {
      super(message, cause);
    }
  }
}
