package dev.kubeclient.core.errors;

import dev.kubeclient.core.meta.v1.Status;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with reason {@code Expired} (HTTP 410): the resource version a list or watch
 * asked for has been compacted away (client-go's {@code IsResourceExpired}). It is a {@link
 * GoneException}, so code that restarts on "gone" handles both.
 */
public final class ResourceExpiredException extends GoneException {
  private static final long serialVersionUID = 1L;

  /** See {@link ApiException#ApiException(Status, String, String, int)}. */
  public ResourceExpiredException(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    super(status, verb, url, retryAfterSeconds);
  }
}
