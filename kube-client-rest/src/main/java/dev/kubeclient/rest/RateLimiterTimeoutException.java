package dev.kubeclient.rest;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * Thrown when a request would have to wait for the client-side {@link RateLimiter} beyond its
 * deadline (client-go's "rate: Wait(n=1) would exceed context deadline").
 */
public final class RateLimiterTimeoutException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying how long the wait would have been. */
  public RateLimiterTimeoutException(String message) {
    super(message);
  }
}
