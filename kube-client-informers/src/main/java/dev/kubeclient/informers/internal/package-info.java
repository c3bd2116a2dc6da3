/**
 * What the informer factories share: the set of informers one factory made, started and stops.
 *
 * <p>Not API: may change without notice.
 */
@NullMarked
package dev.kubeclient.informers.internal;

import org.jspecify.annotations.NullMarked;
