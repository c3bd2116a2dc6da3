/**
 * Retrying an operation that failed for a transient reason, as client-go's {@code util/retry} and
 * apimachinery's {@code wait.Backoff} do: {@link dev.kubeclient.core.retry.Retry#onConflict} for
 * read-modify-write loops that lose an optimistic-concurrency race, {@link
 * dev.kubeclient.core.retry.Retry#onError} for any failure a predicate calls retriable, and {@link
 * dev.kubeclient.core.retry.Backoff} for the waits between tries (duration, factor, jitter, steps,
 * cap) with client-go's {@code DefaultRetry} and {@code DefaultBackoff}.
 *
 * <pre>{@code
 * Deployment updated = Retry.onConflict(() -> {
 *   Deployment d = clientSet.appsV1().deployments("default").get("web");
 *   d.getSpec().setReplicas(3);
 *   return clientSet.appsV1().deployments("default").update(d);
 * });
 *
 * // Retry a call while the server is unavailable: 5 tries, 100 ms doubling up to 1 s.
 * Backoff backoff = new Backoff(5, Duration.ofMillis(100), 2.0, 0.1, Duration.ofSeconds(1));
 * Pod pod = Retry.onError(backoff, Errors::isServiceUnavailable, () -> pods.get("web"));
 * }</pre>
 */
@NullMarked
package dev.kubeclient.core.retry;

import org.jspecify.annotations.NullMarked;
