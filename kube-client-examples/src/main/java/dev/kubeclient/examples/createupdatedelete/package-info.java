/**
 * Port of client-go's {@code examples/create-update-delete-deployment}: create a Deployment, update
 * it with a retry on conflict, list, and delete it.
 */
@NullMarked
package dev.kubeclient.examples.createupdatedelete;

import org.jspecify.annotations.NullMarked;
