package dev.kubeclient.dynamic;

import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.core.unstructured.UnstructuredList;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.Watch;

/**
 * The calls on one resource, in one namespace or cluster-wide, with objects as {@link Unstructured}
 * maps: client-go's {@code dynamic.ResourceInterface}. Obtained from {@link DynamicClient#resource}
 * (cluster-wide, or all namespaces for list and watch) and {@link
 * NamespaceableResourceInterface#namespace}.
 *
 * <p>{@code subresources} address a subresource of the named object ({@code "status"}, {@code
 * "scale"}). Options are the typed clients' option types; API errors are the {@code ApiException}
 * subtypes their Status maps to; requests are throttled and retried by the transport as every
 * request is. Calls block until the response is decoded. Returned objects belong to the caller.
 *
 * <p>Implementations are safe for concurrent use.
 */
public interface ResourceInterface {
  /**
   * Creates {@code object}, or posts it to a subresource of the object it names.
   *
   * @throws IllegalArgumentException when a subresource is given and the object has no name
   */
  Unstructured create(Unstructured object, CreateOptions options, String... subresources);

  /**
   * Replaces the object {@code object} names (its {@code metadata.name}), or a subresource of it;
   * 409 Conflict when its resourceVersion is stale.
   *
   * @throws IllegalArgumentException when the object has no name
   */
  Unstructured update(Unstructured object, UpdateOptions options, String... subresources);

  /** Replaces the status of the object {@code object} names. */
  Unstructured updateStatus(Unstructured object, UpdateOptions options);

  /** Deletes the object named {@code name}, or a subresource of it. */
  void delete(String name, DeleteOptions options, String... subresources);

  /** Deletes every object the list options select. */
  void deleteCollection(DeleteOptions deleteOptions, ListOptions listOptions);

  /** Reads the object named {@code name}, or a subresource of it. */
  Unstructured get(String name, GetOptions options, String... subresources);

  /** Lists objects; items carry apiVersion and kind, filled in from the list when absent. */
  UnstructuredList list(ListOptions options);

  /** Starts a watch; close it when done. */
  Watch<Unstructured> watch(ListOptions options);

  /**
   * Patches the object named {@code name}, or a subresource of it, with a patch of {@code type}
   * (JSON patch, merge patch, strategic merge patch, or an apply configuration).
   *
   * @param patch a {@code String} or {@code byte[]} sent as is, or an object encoded as JSON
   */
  Unstructured patch(
      String name, PatchType type, Object patch, PatchOptions options, String... subresources);

  /**
   * Server-side apply of {@code object} as the field manager's whole intent for the object named
   * {@code name}, or a subresource of it.
   *
   * @throws IllegalArgumentException when {@code object} carries managedFields (an object read from
   *     the server must be reduced to the manager's fields first), as client-go refuses it
   */
  Unstructured apply(
      String name, Unstructured object, ApplyOptions options, String... subresources);

  /** Server-side apply of the status subresource. */
  Unstructured applyStatus(String name, Unstructured object, ApplyOptions options);

  /** {@link #get(String, GetOptions, String...)} without options. */
  default Unstructured get(String name) {
    return get(name, GetOptions.none());
  }

  /** {@link #list(ListOptions)} of everything. */
  default UnstructuredList list() {
    return list(ListOptions.none());
  }

  /** {@link #create(Unstructured, CreateOptions, String...)} without options. */
  default Unstructured create(Unstructured object) {
    return create(object, CreateOptions.none());
  }

  /** {@link #update(Unstructured, UpdateOptions, String...)} without options. */
  default Unstructured update(Unstructured object) {
    return update(object, UpdateOptions.none());
  }

  /** {@link #delete(String, DeleteOptions, String...)} without options. */
  default void delete(String name) {
    delete(name, DeleteOptions.none());
  }
}
