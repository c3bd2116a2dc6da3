package dev.kubeclient.examples.crdcontroller.v1alpha1;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.meta.v1.ListMeta;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A list of {@link Foo}s, as a list call returns it. */
public final class FooList implements KubernetesListObject<Foo> {
  private @Nullable String apiVersion;
  private @Nullable String kind;
  private @Nullable ListMeta metadata;
  private List<Foo> items = new ArrayList<>();

  /** An empty list. */
  public FooList() {}

  @Override
  public @Nullable String getApiVersion() {
    return apiVersion;
  }

  /** Sets the apiVersion. */
  public void setApiVersion(@Nullable String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public @Nullable String getKind() {
    return kind;
  }

  /** Sets the kind. */
  public void setKind(@Nullable String kind) {
    this.kind = kind;
  }

  @Override
  public @Nullable ListMeta getMetadata() {
    return metadata;
  }

  /** Sets the list metadata. */
  public void setMetadata(@Nullable ListMeta metadata) {
    this.metadata = metadata;
  }

  @Override
  public List<Foo> getItems() {
    return items;
  }

  /** Sets the items. */
  public void setItems(@Nullable List<Foo> items) {
    this.items = items == null ? new ArrayList<>() : items;
  }
}
