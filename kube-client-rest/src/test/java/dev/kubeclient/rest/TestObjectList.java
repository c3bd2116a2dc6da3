package dev.kubeclient.rest;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.meta.v1.ListMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A minimal list model for wire tests; public with {@link #setItems}, as generated lists are, so
 * that its lists are decoded in parallel as theirs are.
 */
public final class TestObjectList implements KubernetesListObject<TestObject> {
  public @Nullable String apiVersion;
  public @Nullable String kind;
  public @Nullable ListMeta metadata;
  public List<TestObject> items = new ArrayList<>();

  /** Any JSON, for tests of what a decoder must see through. */
  public @Nullable Map<String, Object> other;

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

  public void setItems(List<TestObject> items) {
    this.items = items;
  }
}
