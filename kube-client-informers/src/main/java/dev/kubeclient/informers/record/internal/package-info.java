/** The event correlator and sinks of the event recorder. Not API: may change without notice. */
@NullMarked
package dev.kubeclient.informers.record.internal;

import org.jspecify.annotations.NullMarked;
