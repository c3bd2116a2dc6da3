package dev.kubeclient.dynamic.metadata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of an object of any kind, without its body: apimachinery's {@code
 * metav1.PartialObjectMetadata} ({@code meta.k8s.io/v1 PartialObjectMetadata}), what the API server
 * sends when asked with {@code Accept: application/json;as=PartialObjectMetadata;g=meta.k8s.io;
 * v=v1}. Controllers that only need names, labels, owners or finalizers of many objects use it to
 * read and watch far less.
 *
 * <p>Mutable and not thread-safe, like the models; objects handed out by a cache are shared.
 */
@JsonPropertyOrder({"apiVersion", "kind", "metadata"})
public final class PartialObjectMetadata implements KubernetesObject {
  /** The apiVersion the API server gives it. */
  public static final String API_VERSION = "meta.k8s.io/v1";

  /** Its kind. */
  public static final String KIND = "PartialObjectMetadata";

  private @Nullable String apiVersion;
  private @Nullable String kind;
  private @Nullable ObjectMeta metadata;

  /** Creates an empty object. */
  public PartialObjectMetadata() {}

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

  @Override
  public void setTypeMeta(@Nullable String apiVersion, @Nullable String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  /** The object's metadata; not a copy. */
  @Override
  public @Nullable ObjectMeta getMetadata() {
    return metadata;
  }

  /** Sets the metadata. */
  public void setMetadata(@Nullable ObjectMeta metadata) {
    this.metadata = metadata;
  }

  /** A deep copy. */
  public PartialObjectMetadata deepCopy() {
    PartialObjectMetadata copy = new PartialObjectMetadata();
    copy.apiVersion = apiVersion;
    copy.kind = kind;
    copy.metadata = metadata == null ? null : metadata.deepCopy();
    return copy;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PartialObjectMetadata p
        && Objects.equals(apiVersion, p.apiVersion)
        && Objects.equals(kind, p.kind)
        && Objects.equals(metadata, p.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata);
  }

  /** Namespace and name only: annotations may hold Secret data. */
  @Override
  public String toString() {
    String ns = metadata == null ? null : metadata.getNamespace();
    return "PartialObjectMetadata{"
        + (ns == null ? "" : ns + "/")
        + (metadata == null ? null : metadata.getName())
        + "}";
  }
}
