/**
 * A CRD controller of our own, in the manner of Kubernetes' sample-controller: Foo custom resources
 * ({@link dev.kubeclient.examples.crdcontroller.v1alpha1}) each get an owned Deployment, kept in
 * step through informers and a work queue, with status written through the status subresource,
 * Events recorded, and the whole run under leader election.
 */
@NullMarked
package dev.kubeclient.examples.crdcontroller;

import org.jspecify.annotations.NullMarked;
