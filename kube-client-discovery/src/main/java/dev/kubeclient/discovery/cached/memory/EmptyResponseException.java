package dev.kubeclient.discovery.cached.memory;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * The server listed no resources for a group version (client-go's {@code emptyResponseError}),
 * common for metrics servers that are not ready. Remembered by the cache like other failures.
 */
public final class EmptyResponseException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  EmptyResponseException(String groupVersion) {
    super("received empty response for: " + groupVersion);
  }
}
