package dev.kubeclient.informers.record.internal;

import dev.kubeclient.typed.api.core.v1.Event;

/**
 * Where correlated events are written (client-go's {@code EventSink}), in one API version. Events
 * come in the correlator's core/v1 form; sinks build the objects of their API from them. Errors are
 * the client's: {@code ApiException}s for answers, other {@code KubeClientException}s for transport
 * failures.
 */
public interface EventSink {
  /** The name and resourceVersion the server gave a written event. */
  record Written(String name, String resourceVersion) {}

  /** Creates the event (count 1, or a later count when patching found it gone). */
  Written create(Event event);

  /** Raises the count of the event already written under its name. */
  Written patch(Event event);

  /** The API written to, for logs. */
  String apiVersion();
}
