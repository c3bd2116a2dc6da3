package dev.kubeclient.informers;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.dynamic.metadata.MetadataClient;
import dev.kubeclient.dynamic.metadata.MetadataResourceClient;
import dev.kubeclient.dynamic.metadata.PartialObjectMetadata;
import dev.kubeclient.informers.cache.ListerWatcher;

/**
 * Shared informers caching only the metadata of any resource's objects, as {@link
 * PartialObjectMetadata}: client-go's {@code metadatainformer.SharedInformerFactory}. For
 * controllers that need names, labels, owners or finalizers of many large objects (Secrets,
 * ConfigMaps, custom resources) without holding their content.
 *
 * <pre>{@code
 * GroupVersionResource secrets = new GroupVersionResource("", "v1", "secrets");
 * try (MetadataSharedInformerFactory factory =
 *     MetadataSharedInformerFactory.newBuilder(metadataClient).build()) {
 *   GenericInformer<PartialObjectMetadata> informer = factory.forResource(secrets);
 *   factory.start();
 *   factory.waitForCacheSync(Duration.ofMinutes(1));
 *   List<PartialObjectMetadata> owned = informer.lister().list(Selector.parse("app=web"));
 * }
 * }</pre>
 *
 * <p>Thread-safe; see {@link GenericSharedInformerFactory} for threads and lifecycle.
 */
public final class MetadataSharedInformerFactory
    extends GenericSharedInformerFactory<PartialObjectMetadata> {

  private MetadataSharedInformerFactory(Builder b) {
    super(
        b,
        PartialObjectMetadata.class,
        "metadata",
        (resource, namespace) -> {
          MetadataResourceClient all = b.client.resource(resource);
          return ListerWatcher.forMetadata(namespace.isEmpty() ? all : all.namespace(namespace));
        });
  }

  /** A builder of a factory listing and watching through {@code client}. */
  public static Builder newBuilder(MetadataClient client) {
    return new Builder(client);
  }

  /** Options of a {@link MetadataSharedInformerFactory}. Not thread-safe. */
  public static final class Builder
      extends GenericSharedInformerFactory.Builder<PartialObjectMetadata, Builder> {
    private final MetadataClient client;

    private Builder(MetadataClient client) {
      this.client = checkNotNull(client, "client");
    }

    @Override
    Builder self() {
      return this;
    }

    /** Builds the factory; no thread starts before {@link #start()}. */
    public MetadataSharedInformerFactory build() {
      return new MetadataSharedInformerFactory(this);
    }
  }
}
