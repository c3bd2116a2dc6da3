package dev.kubeclient.dynamic.metadata;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.dynamic.internal.ResourceRequests;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.Transport;

/**
 * Reads, watches, patches and deletes objects of any resource as {@link PartialObjectMetadata}:
 * client-go's {@code metadata.Client}. The server sends only each object's metadata, which keeps
 * lists and watches of many large objects cheap.
 *
 * <pre>{@code
 * try (MetadataClient metadata = MetadataClient.forConfig(config)) {
 *   for (PartialObjectMetadata p : metadata.resource(secrets).namespace("prod").list(none()).getItems()) {
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Safe for concurrent use. A client made by {@link #forConfig} owns its transport and closes it
 * in {@link #close()}; one made from a transport shares it and leaves it open.
 */
public final class MetadataClient implements AutoCloseable {
  private final Transport transport;
  private final boolean ownsTransport;
  private final ResourceRequests.Clients clients;

  /** A metadata client sending through {@code transport} (shared, not closed by this client). */
  public MetadataClient(Transport transport) {
    this(checkNotNull(transport, "transport"), false);
  }

  private MetadataClient(Transport transport, boolean ownsTransport) {
    this.transport = transport;
    this.ownsTransport = ownsTransport;
    this.clients = new ResourceRequests.Clients(transport);
  }

  /** A metadata client with its own transport for {@code config}, closed by {@link #close()}. */
  public static MetadataClient forConfig(RestConfig config) {
    return new MetadataClient(Transport.forConfig(checkNotNull(config, "config")), true);
  }

  /**
   * The calls on {@code resource}, cluster-wide; narrow them with {@link
   * MetadataResourceClient#namespace}.
   */
  public MetadataResourceClient resource(GroupVersionResource resource) {
    return new MetadataResourceClient(clients.of(resource));
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
    return "MetadataClient{" + transport.config().host() + "}";
  }
}
