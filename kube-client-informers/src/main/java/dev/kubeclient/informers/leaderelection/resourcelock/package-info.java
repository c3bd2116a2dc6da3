/**
 * The objects a leader election is stored in (client-go's {@code leaderelection/resourcelock}):
 * {@link dev.kubeclient.informers.leaderelection.resourcelock.LeaseLock} keeps the {@link
 * dev.kubeclient.informers.leaderelection.resourcelock.LeaderElectionRecord} in a {@code
 * coordination.k8s.io/v1} Lease, the only lock client-go still supports.
 *
 * <pre>{@code
 * ResourceLock lock = LeaseLock.of(clientSet, "kube-system", "my-controller", podName);
 * }</pre>
 */
@NullMarked
package dev.kubeclient.informers.leaderelection.resourcelock;

import org.jspecify.annotations.NullMarked;
