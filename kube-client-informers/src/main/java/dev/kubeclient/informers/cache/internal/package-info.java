/**
 * Implementations behind the {@code dev.kubeclient.informers.cache} interfaces: the indexed
 * thread-safe map, the informer, its handler listeners and the shared worker pool.
 *
 * <p>Not API: may change without notice.
 */
@NullMarked
package dev.kubeclient.informers.cache.internal;

import org.jspecify.annotations.NullMarked;
