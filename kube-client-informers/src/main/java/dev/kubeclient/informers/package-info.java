/**
 * Typed shared informers: client-go's {@code informers} package. A {@link
 * dev.kubeclient.informers.SharedInformerFactory} hands out one shared informer per resource type
 * ({@code factory.appsV1().deployments().informer()}) and a lister over its cache ({@code
 * .lister()}); starts them together, waits for their caches and shuts them down. The machinery
 * underneath is in {@code dev.kubeclient.informers.cache}.
 */
@NullMarked
package dev.kubeclient.informers;

import org.jspecify.annotations.NullMarked;
