/**
 * Discovery of what an API server serves (client-go's {@code discovery} package): its version, its
 * API groups and the resources of each group/version, through {@link
 * dev.kubeclient.discovery.DiscoveryClient}.
 */
@NullMarked
package dev.kubeclient.discovery;

import org.jspecify.annotations.NullMarked;
