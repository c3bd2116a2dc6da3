/**
 * Runnable ports of client-go's examples. Each runs against the cluster of the usual kubeconfig, or
 * against an {@link dev.kubeclient.testing.EmbeddedApiServer} with {@code --embedded} (the default
 * when there is no kubeconfig).
 */
@NullMarked
package dev.kubeclient.examples;

import org.jspecify.annotations.NullMarked;
