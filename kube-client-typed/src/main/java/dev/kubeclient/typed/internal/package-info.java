/** Implementation details of the typed clients. Not API: may change without notice. */
@NullMarked
package dev.kubeclient.typed.internal;

import org.jspecify.annotations.NullMarked;
