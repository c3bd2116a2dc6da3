package dev.kubeclient.core;

import dev.kubeclient.core.meta.v1.ObjectMeta;
import org.jspecify.annotations.Nullable;

/**
 * An object the Kubernetes API serves at a URL of its own: it has an apiVersion, a kind and {@link
 * ObjectMeta}. This is client-go's {@code runtime.Object} plus {@code metav1.Object} accessors,
 * narrowed to what every top-level kind has.
 *
 * <p>Implementations are mutable models and not thread-safe. Objects handed out by an informer
 * cache are shared with it: code must not mutate them, but copy them first.
 */
public interface KubernetesObject {
  /** The group/version this object is written in, such as {@code apps/v1} or {@code v1}. */
  @Nullable String getApiVersion();

  /** The kind, such as {@code Deployment}. */
  @Nullable String getKind();

  /** Standard object metadata; null only when the object carries none. */
  @Nullable ObjectMeta getMetadata();

  /**
   * Sets apiVersion and kind together. The API server leaves them out of the items of a list, so
   * the client fills them in from the list's own before handing the items on.
   */
  void setTypeMeta(@Nullable String apiVersion, @Nullable String kind);
}
