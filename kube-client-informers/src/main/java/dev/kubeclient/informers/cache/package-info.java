/**
 * The informer machinery of client-go's {@code tools/cache}: a {@code Reflector} lists and watches
 * one resource and feeds a {@link dev.kubeclient.informers.cache.DeltaFIFO}; a {@code
 * SharedIndexInformer} pops the deltas, keeps an {@link dev.kubeclient.informers.cache.Indexer} (a
 * thread-safe, indexed local cache) up to date and relays each change to its event handlers;
 * listers read the cache.
 *
 * <p>Objects in a cache are shared by every reader and every handler: never mutate an object
 * obtained from an indexer, a lister or a handler; {@code deepCopy()} it first.
 *
 * <p>Keys are {@code namespace/name}, or {@code name} for cluster-scoped objects ({@link
 * dev.kubeclient.informers.cache.KeyFunctions#metaNamespaceKey}).
 */
@NullMarked
package dev.kubeclient.informers.cache;

import org.jspecify.annotations.NullMarked;
