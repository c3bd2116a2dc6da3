package dev.kubeclient.discovery.restmapper;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;

/**
 * How to reach objects of one kind in one version (apimachinery's {@code meta.RESTMapping}): the
 * resource to address and its scope.
 *
 * @param resource the group, version and resource of the endpoint
 * @param groupVersionKind the kind sent to and received from it
 * @param scope whether objects are namespaced
 */
public record RESTMapping(
    GroupVersionResource resource, GroupVersionKind groupVersionKind, RESTScope scope) {
  /** Checks the parts are present. */
  public RESTMapping {
    checkNotNull(resource, "resource");
    checkNotNull(groupVersionKind, "groupVersionKind");
    checkNotNull(scope, "scope");
  }
}
