/**
 * Implementations of the work queues and their metrics plumbing. Not API: may change without
 * notice.
 */
@NullMarked
package dev.kubeclient.informers.workqueue.internal;

import org.jspecify.annotations.NullMarked;
