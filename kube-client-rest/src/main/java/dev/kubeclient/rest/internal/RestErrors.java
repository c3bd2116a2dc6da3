package dev.kubeclient.rest.internal;

import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.meta.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the rest layer turns failures into core's exception family: an error response
 * (Status body or not), a Status carried by a watch ERROR event, and transport failures.
 */
public final class RestErrors {
  private RestErrors() {}

  /**
   * The {@link ApiException} subtype for a non-2xx response; reads a bounded prefix of the body.
   */
  public static ApiException fromResponse(
      int code,
      String verb,
      String url,
      InputStream body,
      @Nullable String contentType,
      Map<String, List<String>> headers) {
    return ApiException.fromResponse(code, verb, url, body, contentType, headers);
  }

  /** The {@link ApiException} subtype for a Status received in a watch ERROR event. */
  public static ApiException fromStatus(Status status, String verb, String url) {
    return ApiException.fromStatus(status, verb, url, 0);
  }

  /** Wraps a transport failure, naming the request; the cause is the {@link IOException}. */
  public static KubeClientException transport(String verb, String url, IOException cause) {
    return new KubeClientException(verb + " " + url + " failed: " + cause, cause);
  }

  /** Whether {@code t} is 410 Gone / ResourceExpired, as a list with an old continue token gets. */
  public static boolean isGone(Throwable t) {
    return Errors.isGone(t) || Errors.isResourceExpired(t);
  }
}
