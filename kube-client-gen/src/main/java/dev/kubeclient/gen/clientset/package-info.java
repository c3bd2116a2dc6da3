/**
 * The typed client generator: from the resources the spec serves (their verbs, scope and
 * subresources) it writes one client per resource, one client per group/version and {@code
 * ClientSet}, the Java form of client-go's {@code kubernetes.Clientset} as {@code client-gen}
 * writes it. A build tool, not a published library; the model generator's {@code Main} runs it.
 */
@org.jspecify.annotations.NullMarked
package dev.kubeclient.gen.clientset;
