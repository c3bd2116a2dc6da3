package dev.kubeclient.typed;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;
import static dev.kubeclient.core.internal.Preconditions.checkState;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.core.runtime.Scheme;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.Request;
import dev.kubeclient.rest.Watch;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The generic client of one resource in one namespace (or cluster-wide): client-go's {@code
 * gentype.Client}. The generated typed clients ({@code clientSet.appsV1().deployments("prod")}) are
 * thin shells that bind a resource name and model types onto this class and expose only the verbs
 * the API serves for that resource; use this class directly for generic code.
 *
 * <p>Arguments are checked before any request is sent: a namespaced resource's single-object calls
 * need a namespace, while the all-namespaces client (namespace {@code ""}, client-go's {@code
 * NamespaceAll}, or {@link #allNamespaces}) only lists, watches and deletes collections; a
 * cluster-scoped resource takes no namespace; and writes of an object need its {@code
 * metadata.name}.
 *
 * <p>Every call blocks until the response is decoded; API errors are thrown as the {@code
 * ApiException} their Status maps to. Safe for concurrent use; cheap to create.
 *
 * @param <T> the object type
 * @param <L> the list type ({@link Void} for resources that cannot be listed)
 */
public final class ResourceClient<T extends KubernetesObject, L> {
  private final RESTClient client;
  private final String resource;
  private final boolean namespaced;
  private final @Nullable String namespace;
  private final Class<T> type;
  private final Class<L> listType;

  private ResourceClient(
      RESTClient client,
      String resource,
      boolean namespaced,
      @Nullable String namespace,
      Class<T> type,
      Class<L> listType) {
    this.client = checkNotNull(client, "client");
    this.resource = checkNotNull(resource, "resource");
    this.namespaced = namespaced;
    this.namespace = namespace;
    this.type = checkNotNull(type, "type");
    this.listType = checkNotNull(listType, "listType");
  }

  /**
   * A client of a namespaced resource in {@code namespace}; {@code ""} (client-go's {@code
   * NamespaceAll}) is the all-namespaces client, as in client-go: it lists and watches across all
   * namespaces, and its single-object calls fail before any request.
   *
   * @throws NullPointerException when the namespace is null
   */
  public static <T extends KubernetesObject, L> ResourceClient<T, L> namespaced(
      RESTClient client, String resource, String namespace, Class<T> type, Class<L> listType) {
    checkNotNull(namespace, "namespace");
    return new ResourceClient<>(
        client, resource, true, namespace.isEmpty() ? null : namespace, type, listType);
  }

  /** A client of a namespaced resource across all namespaces: list, watch, deletecollection. */
  public static <T extends KubernetesObject, L> ResourceClient<T, L> allNamespaces(
      RESTClient client, String resource, Class<T> type, Class<L> listType) {
    return new ResourceClient<>(client, resource, true, null, type, listType);
  }

  /** A client of a cluster-scoped resource. */
  public static <T extends KubernetesObject, L> ResourceClient<T, L> clusterScoped(
      RESTClient client, String resource, Class<T> type, Class<L> listType) {
    return new ResourceClient<>(client, resource, false, null, type, listType);
  }

  /** The resource's plural name, such as {@code deployments}. */
  public String resource() {
    return resource;
  }

  /** The namespace, or null for cluster-scoped resources and the all-namespaces client. */
  public @Nullable String namespace() {
    return namespace;
  }

  /** The REST client of the resource's group/version. */
  public RESTClient restClient() {
    return client;
  }

  /** Reads the object named {@code name}. */
  public T get(String name, GetOptions options) {
    checkNotNull(options, "options");
    return params(objectRequest(client.get(), name), options.queryParams()).execute(type);
  }

  /**
   * Lists objects; items carry apiVersion and kind although the server omits them in lists: those
   * of the resource this client asked for, whatever kind the server gave the list (a generic {@code
   * List} too).
   */
  public L list(ListOptions options) {
    checkNotNull(options, "options");
    checkState(listType != Void.class, "%s cannot be listed", resource);
    L list = params(collectionRequest(client.get()), options.queryParams()).execute(listType);
    if (list instanceof KubernetesListObject<?> typedList) {
      fillTypeMeta(typedList);
    }
    return list;
  }

  /**
   * The API server leaves apiVersion and kind out of list items; callers that pass an item on, to
   * apply or to a codec, need them. They come from the resource asked for: this client's
   * group/version and the kind the scheme registers for {@code T}, else the list's kind minus
   * {@code List} when that names one.
   */
  private void fillTypeMeta(KubernetesListObject<?> list) {
    GroupVersionKind registered = Scheme.defaultScheme().kindFor(type);
    String kind;
    if (registered != null) {
      kind = registered.kind();
    } else {
      String listKind = list.getKind();
      if (listKind == null || !listKind.endsWith("List") || listKind.equals("List")) {
        return;
      }
      kind = listKind.substring(0, listKind.length() - "List".length());
    }
    String apiVersion = client.groupVersion();
    for (KubernetesObject item : list.getItems()) {
      if (item.getKind() == null || item.getApiVersion() == null) {
        item.setTypeMeta(apiVersion, kind);
      }
    }
  }

  /** Starts a watch; close it when done. */
  public Watch<T> watch(ListOptions options) {
    checkNotNull(options, "options");
    return params(collectionRequest(client.get()), options.queryParams()).watch(type);
  }

  /** Creates {@code object} and returns it as stored. */
  public T create(T object, CreateOptions options) {
    checkNotNull(object, "object");
    checkNotNull(options, "options");
    return params(scoped(client.post()).resource(resource), options.queryParams())
        .body(object)
        .execute(type);
  }

  /** Replaces the object named by {@code object.metadata.name}; 409 Conflict when stale. */
  public T update(T object, UpdateOptions options) {
    return updateSubresource(object, options, new String[0]);
  }

  /** Replaces the status of the object named by {@code object.metadata.name}. */
  public T updateStatus(T object, UpdateOptions options) {
    return updateSubresource(object, options, "status");
  }

  private T updateSubresource(T object, UpdateOptions options, String... subresource) {
    checkNotNull(object, "object");
    checkNotNull(options, "options");
    Request r = objectRequest(client.put(), nameOf(object, "update"));
    if (subresource.length > 0) {
      r.subResource(subresource);
    }
    return params(r, options.queryParams()).body(object).execute(type);
  }

  /**
   * Patches the object named {@code name}, or one of its subresources.
   *
   * @param patch the patch document: a {@code String}/{@code byte[]} sent as is, or an object
   *     encoded as JSON
   */
  public T patch(
      String name, PatchType patchType, Object patch, PatchOptions options, String... subresource) {
    checkNotNull(patchType, "patchType");
    checkNotNull(patch, "patch");
    checkNotNull(options, "options");
    Request r = objectRequest(client.patch(patchType), name);
    if (subresource.length > 0) {
      r.subResource(subresource);
    }
    return params(r, options.queryParams()).body(patch).execute(type);
  }

  /**
   * Server-side apply: sends {@code object} as the manager's whole intent. Build {@code object}
   * with only the fields the manager owns; fields it leaves out are given up by that manager.
   */
  public T apply(T object, ApplyOptions options) {
    return applySubresource(object, options, new String[0]);
  }

  /** Server-side apply of the status subresource. */
  public T applyStatus(T object, ApplyOptions options) {
    return applySubresource(object, options, "status");
  }

  private T applySubresource(T object, ApplyOptions options, String... subresource) {
    checkNotNull(object, "object");
    checkNotNull(options, "options");
    Request r = objectRequest(client.patch(PatchType.APPLY), nameOf(object, "apply"));
    if (subresource.length > 0) {
      r.subResource(subresource);
    }
    return params(r, options.queryParams()).body(object).execute(type);
  }

  /** Deletes the object named {@code name}. */
  public void delete(String name, DeleteOptions options) {
    checkNotNull(options, "options");
    objectRequest(client.delete(), name).body(options.toBody()).execute();
  }

  /** Deletes every object the list options select. */
  public void deleteCollection(DeleteOptions deleteOptions, ListOptions listOptions) {
    checkNotNull(deleteOptions, "deleteOptions");
    checkNotNull(listOptions, "listOptions");
    params(collectionRequest(client.delete()), listOptions.queryParams())
        .body(deleteOptions.toBody())
        .execute();
  }

  /** Reads a subresource of the object named {@code name}, such as {@code scale}. */
  public <R> R getSubresource(String name, String subresource, Class<R> resultType) {
    return getSubresource(name, subresource, GetOptions.none(), resultType);
  }

  /** Reads a subresource of the object named {@code name} with get options. */
  public <R> R getSubresource(
      String name, String subresource, GetOptions options, Class<R> resultType) {
    checkNotNull(options, "options");
    checkNotNull(resultType, "resultType");
    return params(objectRequest(client.get(), name).subResource(subresource), options.queryParams())
        .execute(resultType);
  }

  /** Replaces a subresource of the object named {@code name} (PUT), such as {@code scale}. */
  public <R> R updateSubresource(
      String name, String subresource, Object body, Class<R> resultType) {
    return updateSubresource(name, subresource, body, UpdateOptions.none(), resultType);
  }

  /** Replaces a subresource with update options ({@code dryRun}, {@code fieldManager}, ...). */
  public <R> R updateSubresource(
      String name, String subresource, Object body, UpdateOptions options, Class<R> resultType) {
    checkNotNull(body, "body");
    checkNotNull(options, "options");
    checkNotNull(resultType, "resultType");
    return params(objectRequest(client.put(), name).subResource(subresource), options.queryParams())
        .body(body)
        .execute(resultType);
  }

  /** Posts to a subresource of the object named {@code name}, such as {@code eviction}. */
  public <R> R createSubresource(
      String name, String subresource, Object body, CreateOptions options, Class<R> resultType) {
    checkNotNull(body, "body");
    checkNotNull(options, "options");
    checkNotNull(resultType, "resultType");
    return params(
            objectRequest(client.post(), name).subResource(subresource), options.queryParams())
        .body(body)
        .execute(resultType);
  }

  /** A request for a subresource of {@code name} with the verb given, for the expansions. */
  public Request subresourceRequest(String verb, String name, String subresource) {
    return objectRequest(client.verb(verb), name).subResource(subresource);
  }

  private Request scoped(Request r) {
    if (namespaced) {
      checkState(
          namespace != null,
          "%s is namespaced: this call needs a namespace; the all-namespaces client (namespace"
              + " \"\", client-go's NamespaceAll) only lists, watches and deletes collections, so"
              + " ask for the %s of one namespace, such as \"default\"",
          resource,
          resource);
      r.namespace(namespace);
    }
    return r;
  }

  private Request objectRequest(Request r, String name) {
    checkNotNull(name, "name");
    checkArgument(!name.isEmpty(), "%s: name may not be empty", resource);
    return scoped(r).resource(resource).name(name);
  }

  private Request collectionRequest(Request r) {
    if (namespaced && namespace != null) {
      r.namespace(namespace);
    }
    return r.resource(resource);
  }

  private String nameOf(T object, String verb) {
    ObjectMeta meta = object.getMetadata();
    String name = meta == null ? null : meta.getName();
    checkArgument(
        name != null && !name.isEmpty(),
        "cannot %s %s without metadata.name",
        verb,
        object.getKind() == null ? resource : object.getKind());
    return name;
  }

  private static Request params(Request r, Map<String, String> params) {
    params.forEach(r::param);
    return r;
  }

  @Override
  public String toString() {
    return "ResourceClient{"
        + client.groupVersion()
        + " "
        + resource
        + (namespace == null ? "" : " in " + namespace)
        + "}";
  }
}
