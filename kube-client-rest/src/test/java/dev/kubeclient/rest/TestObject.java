package dev.kubeclient.rest;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import org.jspecify.annotations.Nullable;

/** A minimal model for wire tests; public, as generated models are. */
public final class TestObject implements KubernetesObject {
  public @Nullable String apiVersion;
  public @Nullable String kind;
  public @Nullable ObjectMeta metadata;
  public @Nullable String data;

  /** Any JSON, for tests of what a decoder must see through. */
  public @Nullable Object extra;

  @Override
  public @Nullable String getApiVersion() {
    return apiVersion;
  }

  @Override
  public @Nullable String getKind() {
    return kind;
  }

  @Override
  public @Nullable ObjectMeta getMetadata() {
    return metadata;
  }

  @Override
  public void setTypeMeta(@Nullable String apiVersion, @Nullable String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  String name() {
    return metadata == null ? "" : String.valueOf(metadata.getName());
  }
}
