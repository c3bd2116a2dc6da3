package dev.kubeclient.discovery.cached.memory;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * The cache holds no such group version: client-go's {@code memory.ErrCacheNotFound}. Not an API
 * error: the server was not asked. Invalidate the cache to look again.
 */
public final class CacheNotFoundException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  CacheNotFoundException(String groupVersion) {
    super("not found: group version " + groupVersion + " is not in the discovery cache");
  }
}
