/**
 * Applying a manifest of any kinds with server-side apply, as {@code kubectl apply --server-side
 * -f}: {@link dev.kubeclient.dynamic.manifest.ManifestApplier}.
 */
@NullMarked
package dev.kubeclient.dynamic.manifest;

import org.jspecify.annotations.NullMarked;
