package dev.kubeclient.discovery;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.errors.KubeClientException;

/**
 * Aggregated discovery marked a group version {@code Stale}: the API server could not reach the
 * server behind it (client-go's {@code StaleGroupVersionError}). Found in {@link
 * GroupDiscoveryFailedException#failedGroups()}.
 */
public final class StaleGroupVersionException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final transient GroupVersion groupVersion;

  /** Creates the exception for {@code groupVersion}. */
  public StaleGroupVersionException(GroupVersion groupVersion) {
    super("stale GroupVersion discovery: " + groupVersion);
    this.groupVersion = groupVersion;
  }

  /** The stale group version. */
  public GroupVersion groupVersion() {
    return groupVersion;
  }
}
