package dev.kubeclient.informers.record.internal;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.runtime.Scheme;
import dev.kubeclient.typed.api.core.v1.ObjectReference;

/**
 * References to objects (client-go's {@code reference.GetReference}): kind and apiVersion from the
 * object, else from the default Scheme by its class; name, namespace, uid and resourceVersion from
 * its metadata.
 */
final class References {
  private References() {}

  /**
   * A reference to {@code object}.
   *
   * @throws IllegalArgumentException when it has no name, or no kind known for its class
   */
  static ObjectReference of(KubernetesObject object, String what) {
    String kind = object.getKind();
    String apiVersion = object.getApiVersion();
    if (kind == null || kind.isEmpty() || apiVersion == null || apiVersion.isEmpty()) {
      GroupVersionKind gvk = Scheme.defaultScheme().kindFor(object.getClass());
      if (gvk == null) {
        throw new IllegalArgumentException(
            what
                + ": cannot refer to a "
                + object.getClass().getName()
                + " without kind and apiVersion, and the Scheme does not know its class");
      }
      kind = gvk.kind();
      apiVersion = gvk.apiVersion();
    }
    ObjectMeta meta = object.getMetadata();
    if (meta == null || meta.getName() == null || meta.getName().isEmpty()) {
      throw new IllegalArgumentException(what + ": the " + kind + " has no metadata.name");
    }
    return new ObjectReference()
        .kind(kind)
        .apiVersion(apiVersion)
        .name(meta.getName())
        .namespace(meta.getNamespace())
        .uid(meta.getUid())
        .resourceVersion(meta.getResourceVersion());
  }
}
