/**
 * Mapping between kinds and resources (client-go's {@code restmapper} and apimachinery's {@code
 * meta.RESTMapper}): which resource and scope serve a kind in which version, and which kind a
 * resource name, plural, singular or short name stands for. Built from discovery by {@link
 * dev.kubeclient.discovery.restmapper.APIGroupResources#newDiscoveryRESTMapper}, kept current by
 * {@link dev.kubeclient.discovery.restmapper.DeferredDiscoveryRESTMapper}, and able to read every
 * form kubectl accepts through {@link dev.kubeclient.discovery.restmapper.RESTMapper#mappingFor}.
 */
@NullMarked
package dev.kubeclient.discovery.restmapper;

import org.jspecify.annotations.NullMarked;
