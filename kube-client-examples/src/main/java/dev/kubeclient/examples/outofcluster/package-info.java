/**
 * Port of client-go's {@code examples/out-of-cluster-client-configuration}: a program outside the
 * cluster counts its pods every few seconds with the kubeconfig's credentials, and shows how to
 * tell not-found and forbidden errors apart. {@link dev.kubeclient.examples.outofcluster.PodPoller}
 * is the loop the in-cluster example shares.
 */
@NullMarked
package dev.kubeclient.examples.outofcluster;

import org.jspecify.annotations.NullMarked;
