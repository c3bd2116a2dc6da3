/**
 * API machinery shared by every kube-client module: the {@link
 * dev.kubeclient.core.KubernetesObject} contract, group/version/kind coordinates, the special value
 * types of the Kubernetes API (Quantity, IntOrString, Time), selectors, the {@code ApiException}
 * family and the JSON/YAML codec. It is the Java counterpart of client-go's {@code
 * k8s.io/apimachinery}.
 */
@NullMarked
package dev.kubeclient.core;

import org.jspecify.annotations.NullMarked;
