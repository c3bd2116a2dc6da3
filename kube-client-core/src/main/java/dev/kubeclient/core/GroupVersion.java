package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

/**
 * An API group and version, such as {@code apps/v1}; the core group is the empty string, written as
 * just {@code v1}. The port of apimachinery's {@code schema.GroupVersion}; {@link #toString()} is
 * the {@code apiVersion} field's form.
 *
 * @param group the API group, empty for the core group
 * @param version the version, such as {@code v1}
 */
public record GroupVersion(String group, String version) {
  /** Validates that neither part is null. */
  public GroupVersion {
    checkNotNull(group, "group");
    checkNotNull(version, "version");
  }

  /**
   * Parses an {@code apiVersion} value: {@code v1}, {@code apps/v1}, or the empty string (the empty
   * group and version), as client-go's {@code ParseGroupVersion}.
   *
   * @throws IllegalArgumentException if the text has more than one {@code /}
   */
  public static GroupVersion parse(String apiVersion) {
    checkNotNull(apiVersion, "apiVersion");
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return new GroupVersion("", apiVersion);
    }
    checkArgument(
        apiVersion.indexOf('/', slash + 1) < 0,
        "unexpected GroupVersion string \"%s\": at most one '/' allowed",
        apiVersion);
    return new GroupVersion(apiVersion.substring(0, slash), apiVersion.substring(slash + 1));
  }

  /** Whether both group and version are empty. */
  public boolean isEmpty() {
    return group.isEmpty() && version.isEmpty();
  }

  /** This group and version with {@code kind}. */
  public GroupVersionKind withKind(String kind) {
    return new GroupVersionKind(group, version, kind);
  }

  /** This group and version with {@code resource}. */
  public GroupVersionResource withResource(String resource) {
    return new GroupVersionResource(group, version, resource);
  }

  /** The {@code apiVersion} form: {@code apps/v1}, or {@code v1} for the core group. */
  @Override
  public String toString() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
