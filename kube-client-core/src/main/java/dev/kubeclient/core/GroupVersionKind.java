package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import org.jspecify.annotations.Nullable;

/**
 * A kind in a particular API group and version, such as {@code apps/v1 Deployment}: the port of
 * apimachinery's {@code schema.GroupVersionKind}, the key under which a {@code Scheme} maps JSON
 * documents to Java types.
 *
 * @param group the API group, empty for the core group
 * @param version the version
 * @param kind the kind, such as {@code Deployment}
 */
public record GroupVersionKind(String group, String version, String kind) {
  /** Validates that no part is null. */
  public GroupVersionKind {
    checkNotNull(group, "group");
    checkNotNull(version, "version");
    checkNotNull(kind, "kind");
  }

  /**
   * The kind {@code kind} written in {@code apiVersion}, e.g. {@code ("apps/v1", "Deployment")}.
   */
  public static GroupVersionKind of(String apiVersion, String kind) {
    return GroupVersion.parse(apiVersion).withKind(kind);
  }

  /**
   * Parses the fully qualified {@code Kind.version.group} form such as {@code Deployment.v1.apps},
   * as client-go's {@code ParseKindArg} does; returns null when the text has fewer than two dots
   * (then it names only a kind, or a kind and group, and callers must resolve the version).
   */
  public static @Nullable GroupVersionKind parseKindArg(String arg) {
    checkNotNull(arg, "arg");
    String[] parts = arg.split("\\.", 3);
    return parts.length < 3 ? null : new GroupVersionKind(parts[2], parts[1], parts[0]);
  }

  /** The group and version. */
  /** The group and kind, without the version. */
  public GroupKind groupKind() {
    return new GroupKind(group, kind);
  }

  public GroupVersion groupVersion() {
    return new GroupVersion(group, version);
  }

  /** The {@code apiVersion} value, e.g. {@code apps/v1} or {@code v1}. */
  public String apiVersion() {
    return groupVersion().toString();
  }

  /** client-go's form, e.g. {@code apps/v1, Kind=Deployment}. */
  @Override
  public String toString() {
    return apiVersion() + ", Kind=" + kind;
  }
}
