/**
 * The type registry: {@link dev.kubeclient.core.runtime.Scheme} maps (apiVersion, kind) to Java
 * classes, filled by {@link dev.kubeclient.core.runtime.SchemeRegistrar}s found with {@link
 * java.util.ServiceLoader}. The counterpart of apimachinery's {@code runtime.Scheme}.
 */
@NullMarked
package dev.kubeclient.core.runtime;

import org.jspecify.annotations.NullMarked;
