package dev.kubeclient.core.errors;

import dev.kubeclient.core.meta.v1.Status;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with reason {@code Invalid} (usually HTTP 422): the object failed validation
 * (client-go's {@code IsInvalid}); {@link #causes()} names each offending field.
 */
public final class InvalidException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(Status, String, String, int)}. */
  public InvalidException(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    super(status, verb, url, retryAfterSeconds);
  }
}
