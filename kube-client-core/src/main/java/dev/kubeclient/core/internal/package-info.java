/** Implementation details of kube-client-core. Not API: may change without notice. */
@NullMarked
package dev.kubeclient.core.internal;

import org.jspecify.annotations.NullMarked;
