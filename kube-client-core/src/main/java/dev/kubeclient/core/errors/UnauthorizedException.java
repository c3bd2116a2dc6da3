package dev.kubeclient.core.errors;

import dev.kubeclient.core.meta.v1.Status;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with reason {@code Unauthorized} (usually HTTP 401): the request lacked valid
 * credentials (client-go's {@code IsUnauthorized}).
 */
public final class UnauthorizedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(Status, String, String, int)}. */
  public UnauthorizedException(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    super(status, verb, url, retryAfterSeconds);
  }
}
