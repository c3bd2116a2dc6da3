/**
 * Watching with retries and waiting for conditions (client-go's {@code tools/watch}): {@link
 * dev.kubeclient.informers.watch.RetryWatcher} resumes a watch from the last resourceVersion after
 * timeouts, dropped connections and bookmarks, and ends with 410 Gone when the history it needs is
 * compacted; {@link dev.kubeclient.informers.watch.WatchTools} waits until conditions on a watch
 * are reached, with a timeout.
 *
 * <pre>{@code
 * try (ClientSet cs = ClientSet.newForConfig(config)) {
 *   ConfigMapClient configMaps = cs.coreV1().configMaps("default");
 *   ConfigMap created = configMaps.create(new ConfigMap().metadata(m -> m.name("settings")));
 *   // Wait (at most a minute) until someone sets data.ready=true on it.
 *   WatchEvent<ConfigMap> ready = WatchTools.until(
 *       Duration.ofMinutes(1),
 *       created.getMetadata().getResourceVersion(),
 *       opts -> configMaps.watch(opts.fieldSelector("metadata.name=settings")),
 *       e -> "true".equals(e.object().getData().get("ready")));
 *
 *   // The same through an informer: returns null at once if the cache already shows it.
 *   WatchTools.untilWithSync(
 *       Duration.ofMinutes(1),
 *       ListerWatcher.forResource(configMaps).withFieldSelector("metadata.name=settings"),
 *       ConfigMap.class,
 *       store -> store.list().stream().anyMatch(cm -> "true".equals(cm.getData().get("ready"))),
 *       e -> "true".equals(e.object().getData().get("ready")));
 * }
 * }</pre>
 */
@NullMarked
package dev.kubeclient.informers.watch;

import org.jspecify.annotations.NullMarked;
