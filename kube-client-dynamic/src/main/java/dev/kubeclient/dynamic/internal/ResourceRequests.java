package dev.kubeclient.dynamic.internal;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.Request;
import dev.kubeclient.rest.Transport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the requests of one resource in one namespace (or cluster-wide) on its group version's
 * {@link RESTClient}, as client-go's dynamic and metadata clients build their URLs: {@code
 * /apis/<group>/<version>[/namespaces/<ns>]/<resource>[/<name>[/<subresource>...]]}. Immutable.
 *
 * @param client the group version's REST client
 * @param resource the resource
 * @param namespace the namespace, or empty for cluster-wide
 */
public record ResourceRequests(RESTClient client, GroupVersionResource resource, String namespace) {
  /** The REST clients of a transport by group version, made on first use. Thread-safe. */
  public static final class Clients {
    private final Transport transport;
    private final Map<String, RESTClient> byGroupVersion = new ConcurrentHashMap<>();

    /** REST clients over {@code transport}. */
    public Clients(Transport transport) {
      this.transport = checkNotNull(transport, "transport");
    }

    /**
     * The requests of {@code resource}, cluster-wide.
     *
     * @throws IllegalArgumentException when version or resource is empty
     */
    public ResourceRequests of(GroupVersionResource resource) {
      checkNotNull(resource, "resource");
      checkArgument(!resource.version().isEmpty(), "resource %s has no version", resource);
      checkArgument(!resource.resource().isEmpty(), "resource %s has no resource name", resource);
      RESTClient client =
          byGroupVersion.computeIfAbsent(
              resource.groupVersion().toString(), gv -> RESTClient.forTransport(transport, gv));
      return new ResourceRequests(client, resource, "");
    }
  }

  /**
   * The same resource in {@code namespace}, checked at once with the request builder's rules.
   *
   * @throws IllegalArgumentException when the namespace is not a valid path segment
   */
  public ResourceRequests inNamespace(String namespace) {
    checkNotNull(namespace, "namespace");
    client.get().namespace(namespace);
    return new ResourceRequests(client, resource, namespace);
  }

  /** {@code r} addressed at the collection. */
  public Request collection(Request r) {
    if (!namespace.isEmpty()) {
      r.namespace(namespace);
    }
    return r.resource(resource.resource());
  }

  /**
   * {@code r} addressed at the object named {@code name} and its {@code subresources}.
   *
   * @throws IllegalArgumentException when the name is empty or not a valid path segment
   */
  public Request object(Request r, String name, String... subresources) {
    checkNotNull(name, "name");
    checkArgument(!name.isEmpty(), "%s: name is required", resource.resource());
    Request result = collection(r).name(name);
    return subresources.length > 0 ? result.subResource(subresources) : result;
  }

  /** Adds {@code params} to {@code r}. */
  public static Request params(Request r, Map<String, String> params) {
    params.forEach(r::param);
    return r;
  }

  @Override
  public String toString() {
    return resource + (namespace.isEmpty() ? "" : " in " + namespace);
  }
}
