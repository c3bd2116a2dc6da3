/**
 * Port of client-go's {@code examples/fake-client}: how to unit-test code that uses the ClientSet
 * and informers. client-go's fake clientset is an object tracker in memory; here tests run the same
 * code against a real (embedded) API server over HTTPS with the {@code @EmbeddedKube} JUnit
 * extension, so watches, resource versions and errors behave as a cluster's do. The code under test
 * is {@link dev.kubeclient.examples.fakeclient.ImagePolicy}; the tests are {@code ImagePolicyTest}
 * and {@code PodInformerTest} in this package of the test sources.
 */
@NullMarked
package dev.kubeclient.examples.fakeclient;

import org.jspecify.annotations.NullMarked;
