/**
 * Discovery cached on disk in kubectl's layout (client-go's {@code discovery/cached/disk}): {@link
 * dev.kubeclient.discovery.cached.disk.CachedDiscoveryClient}.
 */
@NullMarked
package dev.kubeclient.discovery.cached.disk;

import org.jspecify.annotations.NullMarked;
