package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * A watch ended within a second without any event (client-go's {@code VeryShortWatchError}): a
 * server or proxy closing watches at once. The reflector backs off and relists instead of
 * reconnecting in a hot loop.
 */
final class VeryShortWatchException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  VeryShortWatchException(String reflector) {
    super(
        "very short watch: "
            + reflector
            + ": unexpected watch close - watch lasted less than a second and no items received");
  }
}
