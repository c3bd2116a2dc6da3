package dev.kubeclient.core;

import dev.kubeclient.core.meta.v1.ListMeta;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A list of Kubernetes objects as the API returns it from a list call: apiVersion, kind, {@link
 * ListMeta} (resourceVersion and continue token) and the items.
 *
 * @param <T> the item type
 */
public interface KubernetesListObject<T extends KubernetesObject> {
  /** The group/version of the list, such as {@code apps/v1}. */
  @Nullable String getApiVersion();

  /** The list kind, such as {@code DeploymentList}. */
  @Nullable String getKind();

  /** List metadata: the resourceVersion of the snapshot and the continue token of the page. */
  @Nullable ListMeta getMetadata();

  /** The items; never null, empty when the list is empty. */
  List<T> getItems();
}
