package dev.kubeclient.testing.internal;

import java.util.List;
import java.util.Set;

/**
 * One servable resource at one group/version: what discovery lists and what routing resolves a URL
 * to. Several versions of the same group and plural share one storage bucket ({@link
 * #storageKey()}), as the versions of a CustomResourceDefinition do.
 *
 * @param group API group, empty for the core group
 * @param version API version such as {@code v1}
 * @param plural resource name in URLs, such as {@code deployments}
 * @param singular singular name, such as {@code deployment}
 * @param kind kind, such as {@code Deployment}
 * @param namespaced whether objects live in namespaces
 * @param verbs verbs discovery advertises
 * @param shortNames short names such as {@code deploy}
 * @param categories categories such as {@code all}
 * @param subresources subresource names such as {@code status} and {@code scale}
 * @param builtin true for compiled-in kinds (their list items carry no apiVersion/kind and they
 *     accept strategic merge patch), false for custom resources
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames,
    List<String> categories,
    Set<String> subresources,
    boolean builtin) {

  /** The verbs of a resource that supports every operation. */
  public static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** Copies the collections so the record is immutable. */
  public ResourceType {
    verbs = List.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = Set.copyOf(subresources);
  }

  /** {@code group/version}, or just the version for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code plural.group}, as Status messages name a resource ({@code deployments.apps}). */
  public String qualifiedResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code Kind.group}, as Invalid messages name a kind ({@code Deployment.apps}). */
  public String qualifiedKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  /** The storage bucket shared by all versions of this resource. */
  public String storageKey() {
    return group + "/" + plural;
  }

  /** Whether discovery lists {@code verb} for this resource. */
  public boolean supports(String verb) {
    return verbs.contains(verb);
  }
}
