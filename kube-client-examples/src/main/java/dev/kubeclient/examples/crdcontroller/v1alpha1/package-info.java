/**
 * The API of the CRD controller: the {@code examples.kubeclient.dev/v1alpha1} Foo custom resource
 * as typed Java classes, its CustomResourceDefinition, and typed clients of it.
 */
@NullMarked
package dev.kubeclient.examples.crdcontroller.v1alpha1;

import org.jspecify.annotations.NullMarked;
