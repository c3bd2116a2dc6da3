/**
 * Leader election among the replicas of a controller (client-go's {@code tools/leaderelection}), on
 * a {@code coordination.k8s.io/v1} Lease: {@link
 * dev.kubeclient.informers.leaderelection.LeaderElector} campaigns for the lease, renews it while
 * leading and calls {@link dev.kubeclient.informers.leaderelection.LeaderCallbacks}; the leader's
 * work gets a {@link dev.kubeclient.informers.leaderelection.LeadingContext} that is cancelled when
 * its term ends. Terms are timed on the local monotonic clock, never on the holder's timestamps,
 * and two candidates never believe they lead at the same time (given clocks that run at about the
 * same rate); there is no fencing, so guard writes with {@code ctx.isCancelled()} right before
 * them.
 *
 * <pre>{@code
 * try (ClientSet clientSet = ClientSet.newForConfig(KubeConfigLoader.loadDefault())) {
 *   String id = System.getenv("POD_NAME");
 *   LeaderElector elector = new LeaderElector(LeaderElectionConfig.builder()
 *       .lock(LeaseLock.of(clientSet, "default", "example-controller", id))
 *       .releaseOnCancel(true)       // hand over at once when this replica shuts down
 *       .callbacks(LeaderCallbacks.of(
 *           ctx -> {
 *             while (!ctx.isCancelled()) {
 *               // ... the controller's work ...
 *             }
 *           },
 *           () -> System.out.println(id + ": stopped leading"),
 *           leader -> System.out.println(id + ": the leader is " + leader)))
 *       .build());
 *   Runtime.getRuntime().addShutdownHook(new Thread(elector::close));
 *   elector.run();   // returns when leadership is lost or the elector is closed
 * }
 * }</pre>
 */
@NullMarked
package dev.kubeclient.informers.leaderelection;

import org.jspecify.annotations.NullMarked;
