/**
 * Port of client-go's {@code examples/in-cluster-client-configuration}: a program in a pod counts
 * the cluster's pods every few seconds with its service account's credentials.
 */
@NullMarked
package dev.kubeclient.examples.incluster;

import org.jspecify.annotations.NullMarked;
