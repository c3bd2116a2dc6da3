package dev.kubeclient.rest;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.meta.v1.ListMeta;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A minimal list model for wire tests. */
final class TestObjectList implements KubernetesListObject<TestObject> {
  public @Nullable String apiVersion;
  public @Nullable String kind;
  public @Nullable ListMeta metadata;
  public List<TestObject> items = new ArrayList<>();

  @Override
  public @Nullable String getApiVersion() {
    return apiVersion;
  }

  @Override
  public @Nullable String getKind() {
    return kind;
  }

  @Override
  public @Nullable ListMeta getMetadata() {
    return metadata;
  }

  @Override
  public List<TestObject> getItems() {
    return items;
  }
}
