/**
 * {@link dev.kubeclient.testing.EmbeddedApiServer}: an in-memory Kubernetes API server on real
 * HTTP(S) loopback for tests, examples and benchmarks, with {@link dev.kubeclient.testing.Faults}
 * for reliability tests, the {@link dev.kubeclient.testing.EmbeddedKube} JUnit 5 extension, and
 * {@link dev.kubeclient.testing.EmbeddedApiServerMain} to run it as a process. It plays the role
 * envtest and the fake clientset play for client-go, over the wire instead of in memory.
 */
@NullMarked
package dev.kubeclient.testing;

import org.jspecify.annotations.NullMarked;
