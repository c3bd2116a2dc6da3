/**
 * Recording events about objects, as controllers do to tell users what they did and what went wrong
 * (client-go's {@code tools/record} and {@code tools/events}): an {@link
 * dev.kubeclient.informers.record.EventBroadcaster} writes the events of its {@link
 * dev.kubeclient.informers.record.EventRecorder}s as {@code events.k8s.io/v1} Events (or core/v1),
 * through a bounded queue that never blocks the caller and client-go's correlator, which counts
 * repeats, combines floods of similar events and rate-limits each source and object.
 *
 * <pre>{@code
 * try (ClientSet clientSet = ClientSet.newForConfig(KubeConfigLoader.loadDefault());
 *     EventBroadcaster broadcaster = EventBroadcaster.builder(clientSet).build()) {
 *   broadcaster.start();
 *   EventRecorder recorder = broadcaster.newRecorder("example.com/example-controller");
 *   ConfigMap cm = clientSet.coreV1().configMaps("default").get("settings");
 *   recorder.event(cm, EventRecorder.NORMAL, "Synced", "settings applied");
 *   recorder.eventf(cm, EventRecorder.WARNING, "InvalidKey", "key %s is not valid", "x y");
 * }   // close() writes what is still queued
 * }</pre>
 */
@NullMarked
package dev.kubeclient.informers.record;

import org.jspecify.annotations.NullMarked;
