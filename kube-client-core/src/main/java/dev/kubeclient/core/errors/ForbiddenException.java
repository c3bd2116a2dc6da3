package dev.kubeclient.core.errors;

import dev.kubeclient.core.meta.v1.Status;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with reason {@code Forbidden} (usually HTTP 403): the caller may not perform
 * the action (client-go's {@code IsForbidden}).
 */
public final class ForbiddenException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(Status, String, String, int)}. */
  public ForbiddenException(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    super(status, verb, url, retryAfterSeconds);
  }
}
