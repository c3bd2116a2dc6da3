/**
 * Discovery of what an API server serves (client-go's {@code discovery} package): its version, its
 * API groups and the resources of each group version, through {@link
 * dev.kubeclient.discovery.DiscoveryClient}, with aggregated discovery when the server supports it.
 * Caches live in {@code cached.memory} and {@code cached.disk}; kind and resource mapping in {@code
 * restmapper}.
 */
@NullMarked
package dev.kubeclient.discovery;

import org.jspecify.annotations.NullMarked;
