/**
 * How error responses become exceptions of {@code dev.kubeclient.core.errors}. Not API: may change
 * without notice.
 */
@NullMarked
package dev.kubeclient.core.errors.internal;

import org.jspecify.annotations.NullMarked;
