/**
 * JMH benchmarks that measure kube-client's models side by side with the two Java clients users
 * would otherwise pick (fabric8 kubernetes-client and the official Kubernetes Java client), on the
 * same bytes in the same JVM run.
 *
 * <p>Each measured operation has one adapter interface ({@link
 * dev.kubeclient.benchmarks.PodDecoder}, {@link dev.kubeclient.benchmarks.PodEncoder}, {@link
 * dev.kubeclient.benchmarks.PodListDecoder}) with one implementation per peer, chosen by the {@link
 * dev.kubeclient.benchmarks.Peer} {@code @Param} of each benchmark. The data comes from {@link
 * dev.kubeclient.benchmarks.PodFixtures}. Results and the commands that produced them are in this
 * module's {@code RESULTS.md}. Not published.
 *
 * <p>{@link dev.kubeclient.benchmarks.WorkQueueBenchmark} compares work queues the same way,
 * through {@link dev.kubeclient.benchmarks.WorkQueueAdapter} and the {@link
 * dev.kubeclient.benchmarks.WorkQueuePeer} {@code @Param} (fabric8 has no work queue).
 */
@NullMarked
package dev.kubeclient.benchmarks;

import org.jspecify.annotations.NullMarked;
