/**
 * The model generator: reads the Kubernetes OpenAPI v2 spec and writes the model classes of
 * kube-client-core and kube-client-typed and the built-in resource catalog. A build tool, not a
 * published library; run it through the {@code codegen} Maven profile.
 */
@org.jspecify.annotations.NullMarked
package dev.kubeclient.gen;
