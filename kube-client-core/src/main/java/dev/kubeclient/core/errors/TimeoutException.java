package dev.kubeclient.core.errors;

import dev.kubeclient.core.meta.v1.Status;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with reason {@code Timeout} (usually HTTP 504): the request did not complete
 * in time, e.g. a timeout given by the client expired (client-go's {@code IsTimeout}); not to be
 * confused with {@code java.util.concurrent.TimeoutException}.
 */
public final class TimeoutException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(Status, String, String, int)}. */
  public TimeoutException(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    super(status, verb, url, retryAfterSeconds);
  }
}
