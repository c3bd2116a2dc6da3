package dev.kubeclient.discovery.restmapper;

import dev.kubeclient.core.GroupVersionResource;

/**
 * No resource matched a partial resource (apimachinery's {@code NoResourceMatchError}): {@code no
 * matches for resource "widgets"}.
 */
public final class NoResourceMatchException extends NoMatchException {
  private static final long serialVersionUID = 1L;

  private final transient GroupVersionResource partialResource;

  /** Creates the exception for {@code partialResource}. */
  public NoResourceMatchException(GroupVersionResource partialResource) {
    super("no matches for " + Describe.resource(partialResource));
    this.partialResource = partialResource;
  }

  /** The partial resource looked for; empty parts were not given. */
  public GroupVersionResource partialResource() {
    return partialResource;
  }
}
