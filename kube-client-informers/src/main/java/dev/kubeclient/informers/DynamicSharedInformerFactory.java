package dev.kubeclient.informers;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.NamespaceableResourceInterface;
import dev.kubeclient.informers.cache.ListerWatcher;

/**
 * Shared informers of any resource, custom resources included, caching {@link Unstructured}
 * objects: client-go's {@code dynamicinformer.DynamicSharedInformerFactory}.
 *
 * <pre>{@code
 * GroupVersionResource widgets = new GroupVersionResource("example.com", "v1", "widgets");
 * try (DynamicSharedInformerFactory factory =
 *     DynamicSharedInformerFactory.newBuilder(dynamicClient).namespace("prod").build()) {
 *   GenericInformer<Unstructured> informer = factory.forResource(widgets);
 *   informer.informer().addEventHandler(handler);
 *   factory.start();
 *   factory.waitForCacheSync(Duration.ofMinutes(1));
 *   Unstructured w = informer.lister().namespace("prod").get("my-widget");
 * }
 * }</pre>
 *
 * <p>Thread-safe; see {@link GenericSharedInformerFactory} for threads and lifecycle.
 */
public final class DynamicSharedInformerFactory extends GenericSharedInformerFactory<Unstructured> {

  private DynamicSharedInformerFactory(Builder b) {
    super(
        b,
        Unstructured.class,
        "dynamic",
        (resource, namespace) -> {
          NamespaceableResourceInterface all = b.client.resource(resource);
          return ListerWatcher.forDynamic(namespace.isEmpty() ? all : all.namespace(namespace));
        });
  }

  /** A builder of a factory listing and watching through {@code client}. */
  public static Builder newBuilder(DynamicClient client) {
    return new Builder(client);
  }

  /** Options of a {@link DynamicSharedInformerFactory}. Not thread-safe. */
  public static final class Builder
      extends GenericSharedInformerFactory.Builder<Unstructured, Builder> {
    private final DynamicClient client;

    private Builder(DynamicClient client) {
      this.client = checkNotNull(client, "client");
    }

    @Override
    Builder self() {
      return this;
    }

    /** Builds the factory; no thread starts before {@link #start()}. */
    public DynamicSharedInformerFactory build() {
      return new DynamicSharedInformerFactory(this);
    }
  }
}
