/**
 * The REST layer every kube-client module talks through: {@link dev.kubeclient.rest.RestConfig}
 * (client-go's {@code rest.Config}), {@link dev.kubeclient.rest.Transport} (the shared HTTP client
 * built from a config: TLS, authentication, throttling, one connection pool), {@link
 * dev.kubeclient.rest.RESTClient} with its {@link dev.kubeclient.rest.Request} builder, {@link
 * dev.kubeclient.rest.Watch} streams, the {@link dev.kubeclient.rest.ListPager} and client-side
 * {@link dev.kubeclient.rest.RateLimiter}s.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * RestConfig config = KubeConfigLoader.loadDefault();
 * try (RESTClient client = RESTClient.forConfig(config, "v1")) {
 *   PodList pods = client.get().namespace("default").resource("pods").execute(PodList.class);
 * }
 * }</pre>
 */
@NullMarked
package dev.kubeclient.rest;

import org.jspecify.annotations.NullMarked;
