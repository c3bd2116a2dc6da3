package dev.kubeclient.discovery.restmapper;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * No kind or resource matched (apimachinery's {@code IsNoMatchError}): the two subtypes say which
 * was looked for. A {@link DeferredDiscoveryRESTMapper} refreshes discovery when it meets one.
 */
public abstract class NoMatchException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  NoMatchException(String message) {
    super(message);
  }
}
