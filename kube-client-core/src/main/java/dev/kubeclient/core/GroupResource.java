package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

/**
 * A resource in an API group without a version, such as {@code deployments.apps}: the port of
 * apimachinery's {@code schema.GroupResource}, the form in which API errors and kubectl name a
 * resource.
 *
 * @param group the API group, empty for the core group
 * @param resource the resource name, such as {@code deployments}
 */
public record GroupResource(String group, String resource) {
  /** Checks the parts are present (they may be empty). */
  public GroupResource {
    checkNotNull(group, "group");
    checkNotNull(resource, "resource");
  }

  /**
   * Parses {@code resource.group}, as apimachinery's {@code ParseGroupResource}: everything after
   * the first dot is the group ({@code deployments.apps}); without a dot the group is empty.
   */
  public static GroupResource parse(String text) {
    checkNotNull(text, "text");
    int dot = text.indexOf('.');
    return dot < 0
        ? new GroupResource("", text)
        : new GroupResource(text.substring(dot + 1), text.substring(0, dot));
  }

  /** This resource in {@code version}. */
  public GroupVersionResource withVersion(String version) {
    return new GroupVersionResource(group, version, resource);
  }

  /** {@code resource.group}, or just the resource for the core group. */
  @Override
  public String toString() {
    return group.isEmpty() ? resource : resource + "." + group;
  }
}
