package dev.kubeclient.dynamic.metadata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.meta.v1.ListMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A list of {@link PartialObjectMetadata}: apimachinery's {@code metav1.PartialObjectMetadataList},
 * what the API server sends for a list asked with {@code Accept: application/json;
 * as=PartialObjectMetadataList;g=meta.k8s.io;v=v1}.
 *
 * <p>Mutable and not thread-safe.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "items"})
public final class PartialObjectMetadataList
    implements KubernetesListObject<PartialObjectMetadata> {
  /** Its kind. */
  public static final String KIND = "PartialObjectMetadataList";

  private @Nullable String apiVersion;
  private @Nullable String kind;
  private @Nullable ListMeta metadata;
  private List<PartialObjectMetadata> items = new ArrayList<>();

  /** Creates an empty list. */
  public PartialObjectMetadataList() {}

  @Override
  public @Nullable String getApiVersion() {
    return apiVersion;
  }

  /** Sets apiVersion. */
  public void setApiVersion(@Nullable String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public @Nullable String getKind() {
    return kind;
  }

  /** Sets kind. */
  public void setKind(@Nullable String kind) {
    this.kind = kind;
  }

  /** The list metadata (resourceVersion, continue); not a copy. */
  @Override
  public @Nullable ListMeta getMetadata() {
    return metadata;
  }

  /** Sets the list metadata. */
  public void setMetadata(@Nullable ListMeta metadata) {
    this.metadata = metadata;
  }

  /** The items, mutable in place; never null. */
  @Override
  public List<PartialObjectMetadata> getItems() {
    return items;
  }

  /** Sets the items (copied); null means none. */
  public void setItems(@Nullable List<PartialObjectMetadata> items) {
    this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PartialObjectMetadataList l
        && Objects.equals(apiVersion, l.apiVersion)
        && Objects.equals(kind, l.kind)
        && Objects.equals(metadata, l.metadata)
        && items.equals(l.items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata, items);
  }

  @Override
  public String toString() {
    return "PartialObjectMetadataList{" + items.size() + " items}";
  }
}
