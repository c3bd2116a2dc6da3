/**
 * The metadata-only client (client-go's {@code metadata} package): {@link
 * dev.kubeclient.dynamic.metadata.MetadataClient} reads and watches objects of any resource as
 * {@link dev.kubeclient.dynamic.metadata.PartialObjectMetadata}.
 */
@NullMarked
package dev.kubeclient.dynamic.metadata;

import org.jspecify.annotations.NullMarked;
