package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * A resource (the plural name in URLs) in a particular API group and version, such as {@code
 * deployments} in {@code apps/v1}: the port of apimachinery's {@code schema.GroupVersionResource},
 * which the dynamic client and informers use to address collections.
 *
 * @param group the API group, empty for the core group
 * @param version the version
 * @param resource the plural resource name, such as {@code deployments}
 */
public record GroupVersionResource(String group, String version, String resource) {
  /** Validates that no part is null. */
  public GroupVersionResource {
    checkNotNull(group, "group");
    checkNotNull(version, "version");
    checkNotNull(resource, "resource");
  }

  /** The resource {@code resource} served at {@code apiVersion}, e.g. {@code ("v1", "pods")}. */
  public static GroupVersionResource of(String apiVersion, String resource) {
    return GroupVersion.parse(apiVersion).withResource(resource);
  }

  /**
   * Parses the fully qualified {@code resource.version.group} form such as {@code
   * deployments.v1.apps}, as client-go's {@code ParseResourceArg} does; returns null when the text
   * has fewer than two dots (then it names a resource, or a resource and group, and callers must
   * resolve the version).
   */
  public static @Nullable GroupVersionResource parseResourceArg(String arg) {
    checkNotNull(arg, "arg");
    String[] parts = arg.split("\\.", 3);
    return parts.length < 3 ? null : new GroupVersionResource(parts[2], parts[1], parts[0]);
  }

  /** The group and version. */
  /** The group and resource, without the version. */
  public GroupResource groupResource() {
    return new GroupResource(group, resource);
  }

  public GroupVersion groupVersion() {
    return new GroupVersion(group, version);
  }

  /** client-go's form, e.g. {@code apps/v1, Resource=deployments}. */
  @Override
  public String toString() {
    return groupVersion() + ", Resource=" + resource;
  }
}
