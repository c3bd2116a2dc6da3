package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

/**
 * A kind in an API group without a version, such as {@code Deployment.apps}: the port of
 * apimachinery's {@code schema.GroupKind}, what a RESTMapper maps to its versions and resources.
 *
 * @param group the API group, empty for the core group
 * @param kind the kind, such as {@code Deployment}
 */
public record GroupKind(String group, String kind) {
  /** Checks the parts are present (they may be empty). */
  public GroupKind {
    checkNotNull(group, "group");
    checkNotNull(kind, "kind");
  }

  /**
   * Parses {@code Kind.group}, as apimachinery's {@code ParseGroupKind}: everything after the first
   * dot is the group ({@code Deployment.apps}, {@code Ingress.networking.k8s.io}); without a dot
   * the group is empty.
   */
  public static GroupKind parse(String text) {
    checkNotNull(text, "text");
    int dot = text.indexOf('.');
    return dot < 0
        ? new GroupKind("", text)
        : new GroupKind(text.substring(dot + 1), text.substring(0, dot));
  }

  /** This kind in {@code version}. */
  public GroupVersionKind withVersion(String version) {
    return new GroupVersionKind(group, version, kind);
  }

  /** {@code Kind.group}, or just the kind for the core group. */
  @Override
  public String toString() {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
