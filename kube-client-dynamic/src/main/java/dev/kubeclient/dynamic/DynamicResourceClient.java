package dev.kubeclient.dynamic;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.core.unstructured.UnstructuredList;
import dev.kubeclient.dynamic.internal.ResourceRequests;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.Request;
import dev.kubeclient.rest.Watch;
import java.util.List;

/**
 * The one implementation of {@link NamespaceableResourceInterface}: client-go's {@code
 * dynamicResourceClient}, building each request on the group version's {@link RESTClient}.
 * Immutable; {@link #namespace} returns a copy.
 */
final class DynamicResourceClient implements NamespaceableResourceInterface {
  private final ResourceRequests requests;
  private final RESTClient client;

  DynamicResourceClient(ResourceRequests requests) {
    this.requests = requests;
    this.client = requests.client();
  }

  @Override
  public ResourceInterface namespace(String namespace) {
    return new DynamicResourceClient(requests.inNamespace(namespace));
  }

  @Override
  public Unstructured create(Unstructured object, CreateOptions options, String... subresources) {
    checkNotNull(object, "object");
    checkNotNull(options, "options");
    Request r =
        subresources.length > 0
            ? object(client.post(), nameOf(object, "create a subresource of"), subresources)
            : collection(client.post());
    return params(r, options.queryParams()).body(object).execute(Unstructured.class);
  }

  @Override
  public Unstructured update(Unstructured object, UpdateOptions options, String... subresources) {
    checkNotNull(object, "object");
    checkNotNull(options, "options");
    Request r = object(client.put(), nameOf(object, "update"), subresources);
    return params(r, options.queryParams()).body(object).execute(Unstructured.class);
  }

  @Override
  public Unstructured updateStatus(Unstructured object, UpdateOptions options) {
    return update(object, options, "status");
  }

  @Override
  public void delete(String name, DeleteOptions options, String... subresources) {
    checkNotNull(options, "options");
    object(client.delete(), name, subresources).body(options.toBody()).execute();
  }

  @Override
  public void deleteCollection(DeleteOptions deleteOptions, ListOptions listOptions) {
    checkNotNull(deleteOptions, "deleteOptions");
    checkNotNull(listOptions, "listOptions");
    params(collection(client.delete()), listOptions.queryParams())
        .body(deleteOptions.toBody())
        .execute();
  }

  @Override
  public Unstructured get(String name, GetOptions options, String... subresources) {
    checkNotNull(options, "options");
    Request r = object(client.get(), name, subresources);
    return params(r, options.queryParams()).execute(Unstructured.class);
  }

  @Override
  public UnstructuredList list(ListOptions options) {
    checkNotNull(options, "options");
    return params(collection(client.get()), options.queryParams()).execute(UnstructuredList.class);
  }

  @Override
  public Watch<Unstructured> watch(ListOptions options) {
    checkNotNull(options, "options");
    return params(collection(client.get()), options.queryParams()).watch(Unstructured.class);
  }

  @Override
  public Unstructured patch(
      String name, PatchType type, Object patch, PatchOptions options, String... subresources) {
    checkNotNull(type, "type");
    checkNotNull(patch, "patch");
    checkNotNull(options, "options");
    Request r = object(client.patch(type), name, subresources);
    return params(r, options.queryParams()).body(patch).execute(Unstructured.class);
  }

  @Override
  public Unstructured apply(
      String name, Unstructured object, ApplyOptions options, String... subresources) {
    checkNotNull(object, "object");
    checkNotNull(options, "options");
    Object managedFields = object.get("metadata", "managedFields");
    checkArgument(
        managedFields == null || (managedFields instanceof List<?> l && l.isEmpty()),
        "cannot apply %s with managedFields already set: send only the fields the manager owns",
        object);
    Request r = object(client.patch(PatchType.APPLY), name, subresources);
    return params(r, options.queryParams()).body(object).execute(Unstructured.class);
  }

  @Override
  public Unstructured applyStatus(String name, Unstructured object, ApplyOptions options) {
    return apply(name, object, options, "status");
  }

  private Request collection(Request r) {
    return requests.collection(r.setHeader("Accept", "application/json"));
  }

  private Request object(Request r, String name, String... subresources) {
    return requests.object(r.setHeader("Accept", "application/json"), name, subresources);
  }

  private String nameOf(Unstructured object, String verb) {
    String name = object.getName();
    checkArgument(
        name != null && !name.isEmpty(),
        "cannot %s %s without metadata.name",
        verb,
        object.getKind() == null ? requests.resource().resource() : object.getKind());
    return name;
  }

  private static Request params(Request r, java.util.Map<String, String> params) {
    return ResourceRequests.params(r, params);
  }

  @Override
  public String toString() {
    return "DynamicResourceClient{" + requests + "}";
  }
}
