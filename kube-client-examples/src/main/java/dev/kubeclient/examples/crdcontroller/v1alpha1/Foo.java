package dev.kubeclient.examples.crdcontroller.v1alpha1;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A Foo: the custom resource of the CRD controller, as in Kubernetes' sample-controller. Its spec
 * asks for a Deployment of a given name and size; its status reports how many of its replicas are
 * available. A plain Java class (Jackson maps its bean properties to the JSON fields), used through
 * the same generic {@link dev.kubeclient.typed.ResourceClient} as the built-in types: see {@link
 * Foos}.
 *
 * <p>Mutable and not thread-safe; a Foo from an informer's cache is shared, so {@link #deepCopy()}
 * it before changing it.
 */
public final class Foo implements KubernetesObject {
  /** The group/version Foos are served at. */
  public static final String API_VERSION = Foos.GROUP + "/" + Foos.VERSION;

  /** The kind. */
  public static final String KIND = "Foo";

  private @Nullable String apiVersion = API_VERSION;
  private @Nullable String kind = KIND;
  private ObjectMeta metadata = new ObjectMeta();
  private FooSpec spec = new FooSpec();
  private @Nullable FooStatus status;

  /** An empty Foo with its apiVersion and kind set. */
  public Foo() {}

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
  public void setTypeMeta(@Nullable String apiVersion, @Nullable String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  @Override
  public ObjectMeta getMetadata() {
    return metadata;
  }

  /** Sets the metadata. */
  public void setMetadata(ObjectMeta metadata) {
    this.metadata = metadata;
  }

  /** Edits the metadata in place. */
  public Foo metadata(Consumer<ObjectMeta> edit) {
    edit.accept(metadata);
    return this;
  }

  /** What the Foo asks for. */
  public FooSpec getSpec() {
    return spec;
  }

  /** Sets the spec. */
  public void setSpec(FooSpec spec) {
    this.spec = spec;
  }

  /** Edits the spec in place. */
  public Foo spec(Consumer<FooSpec> edit) {
    edit.accept(spec);
    return this;
  }

  /** What the controller last observed, or null before its first sync. */
  public @Nullable FooStatus getStatus() {
    return status;
  }

  /** Sets the status. */
  public void setStatus(@Nullable FooStatus status) {
    this.status = status;
  }

  /** A copy sharing nothing with this Foo. */
  public Foo deepCopy() {
    return Codec.decode(Codec.encode(this), Foo.class);
  }

  @Override
  public String toString() {
    return "Foo{"
        + metadata.getNamespace()
        + "/"
        + metadata.getName()
        + ", "
        + spec
        + ", "
        + status
        + "}";
  }
}
