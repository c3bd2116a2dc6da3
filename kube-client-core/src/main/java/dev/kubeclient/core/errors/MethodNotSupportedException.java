package dev.kubeclient.core.errors;

import dev.kubeclient.core.meta.v1.Status;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with reason {@code MethodNotAllowed} (usually HTTP 405): the resource does
 * not support the verb (client-go's {@code IsMethodNotSupported}).
 */
public final class MethodNotSupportedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(Status, String, String, int)}. */
  public MethodNotSupportedException(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    super(status, verb, url, retryAfterSeconds);
  }
}
