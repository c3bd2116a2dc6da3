/**
 * The typed ClientSet: one client per built-in group/version and one per resource, over the generic
 * {@link dev.kubeclient.typed.ResourceClient} (client-go's {@code kubernetes} package and its
 * {@code gentype} base).
 *
 * <pre>{@code
 * try (ClientSet cs = ClientSet.newForConfig(RestConfigs.load())) {
 *   DeploymentList list = cs.appsV1().deployments("prod").list();
 * }
 * }</pre>
 *
 * <p>Each resource client implements exactly the verb interfaces ({@link
 * dev.kubeclient.typed.Getter}, {@link dev.kubeclient.typed.Lister}, {@link
 * dev.kubeclient.typed.Updater}, ...) its resource serves. Objects returned are the caller's to
 * keep and change.
 */
@NullMarked
package dev.kubeclient.typed;

import org.jspecify.annotations.NullMarked;
