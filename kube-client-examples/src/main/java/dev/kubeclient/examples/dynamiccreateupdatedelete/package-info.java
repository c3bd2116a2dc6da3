/**
 * Port of client-go's {@code examples/dynamic-create-update-delete-deployment}: the
 * create-update-delete example through the {@code DynamicClient}, with the Deployment as an {@code
 * Unstructured} map rather than a typed model.
 */
@NullMarked
package dev.kubeclient.examples.dynamiccreateupdatedelete;

import org.jspecify.annotations.NullMarked;
