/**
 * Port of client-go's {@code examples/workqueue}: the canonical controller shape, a pod informer
 * feeding a rate-limited work queue that worker threads drain, with retries, a requeue limit and a
 * clean shutdown.
 */
@NullMarked
package dev.kubeclient.examples.workqueue;

import org.jspecify.annotations.NullMarked;
