package dev.kubeclient.dynamic.metadata;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.dynamic.internal.ResourceRequests;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.Request;
import dev.kubeclient.rest.Watch;
import java.util.Map;

/**
 * The metadata calls on one resource, in one namespace or cluster-wide: client-go's {@code
 * metadata.ResourceInterface}. Each read asks for {@code PartialObjectMetadata} (or {@code
 * PartialObjectMetadataList} for a list) with plain JSON as the fallback, as client-go does, so a
 * server that cannot convert sends the whole object, of which only the metadata is kept. There is
 * no update: patch the metadata instead.
 *
 * <p>Immutable and safe for concurrent use; {@link #namespace} returns a copy.
 */
public final class MetadataResourceClient {
  /** The Accept header of get, patch and watch. */
  public static final String ACCEPT_OBJECT =
      "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

  /** The Accept header of list. */
  public static final String ACCEPT_LIST =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

  private final ResourceRequests requests;
  private final RESTClient client;

  MetadataResourceClient(ResourceRequests requests) {
    this.requests = requests;
    this.client = requests.client();
  }

  /**
   * The same resource in {@code namespace}; empty means cluster-wide.
   *
   * @throws IllegalArgumentException when the namespace is not a valid path segment
   */
  public MetadataResourceClient namespace(String namespace) {
    return new MetadataResourceClient(requests.inNamespace(namespace));
  }

  /**
   * The metadata of the object named {@code name}, or of a subresource.
   *
   * @throws DecodeException when the server's answer has no object metadata
   */
  public PartialObjectMetadata get(String name, GetOptions options, String... subresources) {
    checkNotNull(options, "options");
    Request r =
        requests.object(client.get(), name, subresources).setHeader("Accept", ACCEPT_OBJECT);
    return checked(params(r, options.queryParams()).execute(PartialObjectMetadata.class));
  }

  /** The metadata of every object the options select. */
  public PartialObjectMetadataList list(ListOptions options) {
    checkNotNull(options, "options");
    PartialObjectMetadataList list =
        params(
                requests.collection(client.get()).setHeader("Accept", ACCEPT_LIST),
                options.queryParams())
            .execute(PartialObjectMetadataList.class);
    if (!PartialObjectMetadataList.KIND.equals(list.getKind())) {
      // A server that sent the whole list: only the metadata was kept, so the type is not its.
      list.setApiVersion(null);
      list.setKind(null);
    }
    return list;
  }

  /** Watches the metadata of the objects the options select; close the watch when done. */
  public Watch<PartialObjectMetadata> watch(ListOptions options) {
    checkNotNull(options, "options");
    return params(
            requests.collection(client.get()).setHeader("Accept", ACCEPT_OBJECT),
            options.queryParams())
        .watch(PartialObjectMetadata.class);
  }

  /**
   * Patches the object named {@code name}, or a subresource, and returns its metadata.
   *
   * @param patch a {@code String} or {@code byte[]} sent as is, or an object encoded as JSON
   */
  public PartialObjectMetadata patch(
      String name, PatchType type, Object patch, PatchOptions options, String... subresources) {
    checkNotNull(type, "type");
    checkNotNull(patch, "patch");
    checkNotNull(options, "options");
    Request r =
        requests.object(client.patch(type), name, subresources).setHeader("Accept", ACCEPT_OBJECT);
    return checked(
        params(r, options.queryParams()).body(patch).execute(PartialObjectMetadata.class));
  }

  /** Deletes the object named {@code name}, or a subresource. */
  public void delete(String name, DeleteOptions options, String... subresources) {
    checkNotNull(options, "options");
    Request r = requests.object(client.delete(), name, subresources);
    r.body(options.toBody()).execute();
  }

  /** Deletes every object the list options select. */
  public void deleteCollection(DeleteOptions deleteOptions, ListOptions listOptions) {
    checkNotNull(deleteOptions, "deleteOptions");
    checkNotNull(listOptions, "listOptions");
    params(requests.collection(client.delete()), listOptions.queryParams())
        .body(deleteOptions.toBody())
        .execute();
  }

  /**
   * A whole object sent by a server that cannot convert: keep its metadata when it looks like
   * object metadata, as client-go's {@code isLikelyObjectMetadata} checks.
   */
  private PartialObjectMetadata checked(PartialObjectMetadata p) {
    if (PartialObjectMetadata.KIND.equals(p.getKind())) {
      return p;
    }
    ObjectMeta m = p.getMetadata();
    boolean likely =
        m != null
            && (m.getUid() != null
                || m.getCreationTimestamp() != null
                || m.getName() != null
                || m.getGenerateName() != null);
    if (!likely) {
      throw new DecodeException(
          "the answer for "
              + requests.resource()
              + " does not look like an object with metadata (kind "
              + p.getKind()
              + ")",
          -1,
          -1,
          -1,
          null);
    }
    p.setTypeMeta(null, null);
    return p;
  }

  private static Request params(Request r, Map<String, String> params) {
    return ResourceRequests.params(r, params);
  }

  @Override
  public String toString() {
    return "MetadataResourceClient{" + requests + "}";
  }
}
