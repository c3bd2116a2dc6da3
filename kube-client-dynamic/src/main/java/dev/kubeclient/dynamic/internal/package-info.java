/**
 * Request building shared by the dynamic and metadata clients. Not API: may change without notice.
 */
@NullMarked
package dev.kubeclient.dynamic.internal;

import org.jspecify.annotations.NullMarked;
