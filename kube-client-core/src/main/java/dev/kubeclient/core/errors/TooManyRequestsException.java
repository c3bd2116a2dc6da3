package dev.kubeclient.core.errors;

import dev.kubeclient.core.meta.v1.Status;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with reason {@code TooManyRequests} (usually HTTP 429): the server is
 * throttling the client (client-go's {@code IsTooManyRequests}); {@link #retryAfterSeconds()} says
 * how long to wait.
 */
public final class TooManyRequestsException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(Status, String, String, int)}. */
  public TooManyRequestsException(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    super(status, verb, url, retryAfterSeconds);
  }
}
