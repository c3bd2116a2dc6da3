/**
 * The schema data generator: from the Kubernetes OpenAPI v2 spec it writes the compact schema
 * resource that kube-client-testing's embedded API server builds its {@code /openapi/v2} and {@code
 * /openapi/v3} documents from, so the server never needs the spec itself. A build tool, not a
 * published library; the model generator's {@code Main} runs it.
 */
@org.jspecify.annotations.NullMarked
package dev.kubeclient.gen.openapi;
