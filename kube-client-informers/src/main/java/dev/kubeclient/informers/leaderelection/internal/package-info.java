/** The machinery of leader election. Not API: may change without notice. */
@NullMarked
package dev.kubeclient.informers.leaderelection.internal;

import org.jspecify.annotations.NullMarked;
