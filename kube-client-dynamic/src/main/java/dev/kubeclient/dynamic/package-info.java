/**
 * Access to any resource with objects as maps (client-go's {@code dynamic} package): {@link
 * dev.kubeclient.dynamic.DynamicClient}. The metadata-only client is in {@code metadata}; applying
 * a whole manifest in {@code manifest}.
 */
@NullMarked
package dev.kubeclient.dynamic;

import org.jspecify.annotations.NullMarked;
