package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.dynamic.ResourceInterface;
import dev.kubeclient.dynamic.metadata.MetadataResourceClient;
import dev.kubeclient.dynamic.metadata.PartialObjectMetadata;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.typed.ResourceClient;
import dev.kubeclient.typed.TypedResource;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Lists and watches one collection: client-go's {@code ListerWatcher}. The {@link Reflector} sets
 * resourceVersion, limit, continue, timeout and bookmarks; the lister-watcher adds its scope
 * (namespace, label and field selectors) and talks to the server.
 *
 * <p>Implementations for the typed clients come from {@link #forResource}, for the dynamic client
 * from {@link #forDynamic}, for the metadata-only client from {@link #forMetadata}. Implementations
 * must be safe for concurrent use.
 *
 * @param <T> the object type
 */
public interface ListerWatcher<T extends KubernetesObject> {
  /**
   * Lists one page (or everything, without a limit). Items may lack apiVersion and kind, as the API
   * server sends them; the reflector fills them in from the list's.
   */
  KubernetesListObject<T> list(ListOptions options);

  /** Starts a watch; the caller closes it. */
  Watch<T> watch(ListOptions options);

  /**
   * A lister-watcher over a typed client: its namespace is the client's ({@code pods("prod")},
   * {@code podsInAllNamespaces()}, or none for cluster-scoped resources).
   *
   * <pre>{@code
   * ListerWatcher<Pod> lw = ListerWatcher.forResource(clientSet.coreV1().pods("prod"))
   *     .withLabelSelector("app=web");
   * }</pre>
   */
  static <T extends KubernetesObject> ListerWatcher<T> forResource(TypedResource<T, ?> client) {
    return forResource(checkNotNull(client, "client").generic());
  }

  /** A lister-watcher over a generic resource client. */
  static <T extends KubernetesObject> ListerWatcher<T> forResource(ResourceClient<T, ?> client) {
    checkNotNull(client, "client");
    return new ListerWatcher<>() {
      @Override
      @SuppressWarnings("unchecked")
      public KubernetesListObject<T> list(ListOptions options) {
        Object list = client.list(options);
        if (!(list instanceof KubernetesListObject<?>)) {
          throw new IllegalArgumentException(
              client + " lists into " + list.getClass().getName() + ", not a KubernetesListObject");
        }
        return (KubernetesListObject<T>) list;
      }

      @Override
      public Watch<T> watch(ListOptions options) {
        return client.watch(options);
      }

      @Override
      public String toString() {
        return client.toString();
      }
    };
  }

  /**
   * A lister-watcher over a dynamic resource client, its scope the client's ({@code
   * dynamic.resource(gvr)} for all namespaces or a cluster-scoped resource, {@code
   * .namespace("prod")} for one namespace).
   */
  static ListerWatcher<Unstructured> forDynamic(ResourceInterface client) {
    checkNotNull(client, "client");
    return of(client::list, client::watch, client.toString());
  }

  /**
   * A lister-watcher of objects' metadata only, over a metadata client ({@code
   * metadata.resource(gvr)}, optionally {@code .namespace("prod")}).
   */
  static ListerWatcher<PartialObjectMetadata> forMetadata(MetadataResourceClient client) {
    checkNotNull(client, "client");
    return of(client::list, client::watch, client.toString());
  }

  /** A lister-watcher from two functions; {@code description} is its {@code toString()}. */
  static <T extends KubernetesObject> ListerWatcher<T> of(
      Function<ListOptions, ? extends KubernetesListObject<T>> list,
      Function<ListOptions, Watch<T>> watch,
      String description) {
    checkNotNull(list, "list");
    checkNotNull(watch, "watch");
    checkNotNull(description, "description");
    return new ListerWatcher<>() {
      @Override
      public KubernetesListObject<T> list(ListOptions options) {
        return list.apply(options);
      }

      @Override
      public Watch<T> watch(ListOptions options) {
        return watch.apply(options);
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }

  /**
   * This lister-watcher with {@code tweak} applied to the options of every list and watch:
   * client-go's {@code tweakListOptions}.
   */
  default ListerWatcher<T> withTweak(UnaryOperator<ListOptions> tweak) {
    checkNotNull(tweak, "tweak");
    ListerWatcher<T> parent = this;
    return new ListerWatcher<>() {
      @Override
      public KubernetesListObject<T> list(ListOptions options) {
        return parent.list(checkNotNull(tweak.apply(options), "tweaked options"));
      }

      @Override
      public Watch<T> watch(ListOptions options) {
        return parent.watch(checkNotNull(tweak.apply(options), "tweaked options"));
      }

      @Override
      public String toString() {
        return parent.toString();
      }
    };
  }

  /** This lister-watcher restricted to objects matching a label selector. */
  default ListerWatcher<T> withLabelSelector(String selector) {
    checkNotNull(selector, "selector");
    return withTweak(o -> o.labelSelector(selector));
  }

  /** This lister-watcher restricted to objects matching a field selector. */
  default ListerWatcher<T> withFieldSelector(String selector) {
    checkNotNull(selector, "selector");
    return withTweak(o -> o.fieldSelector(selector));
  }
}
