/**
 * Discovery cached in memory (client-go's {@code discovery/cached/memory}): {@link
 * dev.kubeclient.discovery.cached.memory.MemCacheClient}.
 */
@NullMarked
package dev.kubeclient.discovery.cached.memory;

import org.jspecify.annotations.NullMarked;
