/**
 * Port of client-go's {@code examples/leader-election}: replicas of a controller elect a leader on
 * a Lease, and when the leader stops, another takes over.
 */
@NullMarked
package dev.kubeclient.examples.leaderelection;

import org.jspecify.annotations.NullMarked;
