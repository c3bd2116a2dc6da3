package dev.kubeclient.typed;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.rest.Request;
import dev.kubeclient.typed.api.core.v1.Binding;
import dev.kubeclient.typed.api.core.v1.Pod;
import dev.kubeclient.typed.api.core.v1.PodList;
import dev.kubeclient.typed.api.policy.v1.Eviction;
import java.io.InputStream;

/**
 * Calls on pods beyond the verbs (client-go's {@code pod_expansion.go}): logs, eviction and
 * binding.
 */
public interface PodExpansion extends TypedResource<Pod, PodList> {
  /**
   * Streams the log of the pod named {@code name}. With {@link PodLogOptions#follow()} the stream
   * stays open while the container runs; read it line by line with {@code new BufferedReader(new
   * InputStreamReader(in, UTF_8)).lines()}. No read timeout applies; close the stream when done.
   */
  default InputStream getLogs(String name, PodLogOptions options) {
    checkNotNull(options, "options");
    Request r = generic().subresourceRequest("GET", name, "log");
    options.queryParams().forEach(r::param);
    return r.stream();
  }

  /**
   * Evicts the pod named in {@code eviction.metadata.name} through the policy/v1 eviction
   * subresource, which honours PodDisruptionBudgets (429 TooManyRequests when a budget forbids it
   * now).
   */
  default void evict(Eviction eviction) {
    checkNotNull(eviction, "eviction");
    generic()
        .subresourceRequest("POST", nameOf(eviction, "evict"), "eviction")
        .body(eviction)
        .execute();
  }

  /** Binds the pod named in {@code binding.metadata.name} to the node its target names. */
  default void bind(Binding binding, CreateOptions options) {
    checkNotNull(binding, "binding");
    checkNotNull(options, "options");
    Request r = generic().subresourceRequest("POST", nameOf(binding, "bind"), "binding");
    options.queryParams().forEach(r::param);
    r.body(binding).execute();
  }

  private static String nameOf(KubernetesObject o, String verb) {
    ObjectMeta meta = o.getMetadata();
    String name = meta == null ? null : meta.getName();
    checkArgument(name != null && !name.isEmpty(), "cannot %s a pod without metadata.name", verb);
    return name;
  }
}
