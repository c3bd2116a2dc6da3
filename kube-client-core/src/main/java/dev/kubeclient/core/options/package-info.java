/**
 * Options of API calls, as client-go's {@code metav1.ListOptions}, {@code GetOptions}, {@code
 * CreateOptions}, {@code UpdateOptions}, {@code PatchOptions}, {@code ApplyOptions} and {@code
 * DeleteOptions}. Each is an immutable value: every setter returns a new instance, so a constant
 * such as {@link dev.kubeclient.core.options.ListOptions#none()} can be shared and refined ({@code
 * ListOptions.none().labelSelector("app=web").limit(500)}).
 *
 * <p>Each renders itself as the query parameters the API server reads ({@code queryParams()}), in a
 * fixed order, with only the options that are set.
 */
@NullMarked
package dev.kubeclient.core.options;

import org.jspecify.annotations.NullMarked;
