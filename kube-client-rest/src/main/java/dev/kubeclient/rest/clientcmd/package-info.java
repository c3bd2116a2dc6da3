/**
 * Kubeconfig files as kubectl reads them (client-go's {@code tools/clientcmd}): the {@link
 * dev.kubeclient.rest.clientcmd.KubeConfig} model, {@link
 * dev.kubeclient.rest.clientcmd.LoadingRules} for {@code $KUBECONFIG} and {@code ~/.kube/config},
 * merging several files with kubectl's precedence, and {@link
 * dev.kubeclient.rest.clientcmd.KubeConfigLoader} which turns the selected context into a {@link
 * dev.kubeclient.rest.RestConfig}, or uses the in-cluster configuration when running in a pod.
 */
@NullMarked
package dev.kubeclient.rest.clientcmd;

import org.jspecify.annotations.NullMarked;
