package dev.kubeclient.core.errors;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception kube-client throws for its own reasons: API errors, malformed input
 * it was asked to parse, transport failures wrapped by the REST layer. Catching it catches anything
 * the library signals, while programming errors (null arguments, illegal state) stay plain JDK
 * exceptions.
 *
 * <p>Unchecked, because most callers cannot recover locally and client-go's error values are
 * likewise passed up. Messages never contain credentials or Secret data.
 */
public class KubeClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with {@code message}. */
  public KubeClientException(String message) {
    super(message);
  }

  /** Creates an exception with {@code message} caused by {@code cause}. */
  public KubeClientException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
