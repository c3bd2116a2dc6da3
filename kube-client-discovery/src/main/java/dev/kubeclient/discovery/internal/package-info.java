/**
 * Implementation of discovery: the aggregated discovery decoder. Not API: may change without
 * notice.
 */
@NullMarked
package dev.kubeclient.discovery.internal;

import org.jspecify.annotations.NullMarked;
