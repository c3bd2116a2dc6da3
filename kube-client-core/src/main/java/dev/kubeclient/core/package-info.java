/**
 * API machinery shared by every kube-client module: the {@link
 * dev.kubeclient.core.KubernetesObject} contract, group/version/kind coordinates, the special value
 * types of the Kubernetes API (Quantity, IntOrString, Time), selectors, the {@code ApiException}
 * family and the JSON/YAML codec. It is the Java counterpart of client-go's {@code
 * k8s.io/apimachinery}.
 *
 * <p>Rules every generated model (here and in kube-client-typed) follows: an absent field is null
 * and is not serialized; a list or map getter never returns null but an immutable empty collection
 * for an absent field, which stays absent, so reading needs no null checks; change collections with
 * the setters or the {@code addToX}/{@code putInX} helpers, which create them when needed; edit
 * nested objects with {@code x(Consumer)}, which creates them when absent. Fields a model does not
 * know are kept and written back. Models are mutable and not thread-safe; objects shared through an
 * informer cache must be copied with {@code deepCopy()} before a change.
 */
@NullMarked
package dev.kubeclient.core;

import org.jspecify.annotations.NullMarked;
