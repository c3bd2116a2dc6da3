package dev.kubeclient.dynamic;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.dynamic.internal.ResourceRequests;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.Transport;

/**
 * A client of any resource, custom resources included, with objects as {@code Unstructured} maps:
 * client-go's {@code dynamic.DynamicClient}.
 *
 * <pre>{@code
 * try (DynamicClient dynamic = DynamicClient.forConfig(config)) {
 *   GroupVersionResource widgets = new GroupVersionResource("example.com", "v1", "widgets");
 *   Unstructured w = dynamic.resource(widgets).namespace("default").get("my-widget");
 *   long size = w.getNestedLong("spec", "size").orElse(1);
 * }
 * }</pre>
 *
 * <p>Requests go through the same {@link RESTClient} machinery as the typed clients: the same
 * throttling, retries, errors and watch decoding. Find the resource of a kind with a {@code
 * RESTMapper} ({@code mapper.restMapping(groupKind).resource()}).
 *
 * <p>Safe for concurrent use. A client made by {@link #forConfig} owns its transport and closes it
 * in {@link #close()}; one made from a transport shares it and leaves it open.
 */
public final class DynamicClient implements AutoCloseable {
  private final Transport transport;
  private final boolean ownsTransport;

  private final ResourceRequests.Clients clients;

  /** A dynamic client sending through {@code transport} (shared, not closed by this client). */
  public DynamicClient(Transport transport) {
    this(checkNotNull(transport, "transport"), false);
  }

  private DynamicClient(Transport transport, boolean ownsTransport) {
    this.transport = transport;
    this.ownsTransport = ownsTransport;
    this.clients = new ResourceRequests.Clients(transport);
  }

  /** A dynamic client with its own transport for {@code config}, closed by {@link #close()}. */
  public static DynamicClient forConfig(RestConfig config) {
    return new DynamicClient(Transport.forConfig(checkNotNull(config, "config")), true);
  }

  /**
   * The calls on {@code resource}: cluster-wide, or narrowed with {@link
   * NamespaceableResourceInterface#namespace}.
   *
   * @throws IllegalArgumentException when version or resource is empty
   */
  public NamespaceableResourceInterface resource(GroupVersionResource resource) {
    return new DynamicResourceClient(clients.of(resource));
  }

  /** The transport requests go through. */
  public Transport transport() {
    return transport;
  }

  /** Closes the transport if {@link #forConfig} made it; otherwise does nothing. Idempotent. */
  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }

  @Override
  public String toString() {
    return "DynamicClient{" + transport.config().host() + "}";
  }
}
