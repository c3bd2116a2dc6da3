package dev.kubeclient.typed;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import org.jspecify.annotations.Nullable;

/** A minimal model for wire tests, independent of the generated ones. */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class Widget implements KubernetesObject {
  public @Nullable String apiVersion = "example.com/v1";
  public @Nullable String kind = "Widget";
  public @Nullable ObjectMeta metadata;
  public @Nullable String spec;

  static Widget named(@Nullable String name) {
    Widget w = new Widget();
    w.metadata = new ObjectMeta().name(name);
    return w;
  }

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
}
