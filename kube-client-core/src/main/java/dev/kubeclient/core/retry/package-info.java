/**
 * Retrying an operation that failed for a transient reason, as client-go's {@code util/retry} does:
 * above all {@link dev.kubeclient.core.retry.Retry#onConflict} for read-modify-write loops that
 * lose an optimistic-concurrency race.
 */
@NullMarked
package dev.kubeclient.core.retry;

import org.jspecify.annotations.NullMarked;
