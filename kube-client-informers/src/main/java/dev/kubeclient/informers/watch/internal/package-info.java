/**
 * Helpers of the controller tools (watch, leader election, event recording). Not API: may change
 * without notice.
 */
@NullMarked
package dev.kubeclient.informers.watch.internal;

import org.jspecify.annotations.NullMarked;
