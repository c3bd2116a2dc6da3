/**
 * The exceptions of kube-client: {@link dev.kubeclient.core.errors.KubeClientException} at the root
 * and the {@code ApiException} family for errors the API server reports in a {@code Status}; the
 * counterpart of apimachinery's {@code api/errors} package, with its {@code IsNotFound}-style
 * predicates as static methods of {@code Errors}.
 */
@NullMarked
package dev.kubeclient.core.errors;

import org.jspecify.annotations.NullMarked;
