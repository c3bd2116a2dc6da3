package dev.kubeclient.informers.record.internal;

import dev.kubeclient.rest.PatchType;
import dev.kubeclient.typed.api.core.v1.Event;
import dev.kubeclient.typed.client.core.v1.CoreV1Client;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes core/v1 Events as client-go's {@code tools/record} does: created with count, first and
 * last timestamps and source; repeats patched with a new count, lastTimestamp and message.
 */
public final class CoreV1Sink implements EventSink {
  private final CoreV1Client client;

  /** A sink writing through {@code client}. */
  public CoreV1Sink(CoreV1Client client) {
    this.client = client;
  }

  @Override
  public Written create(Event e) {
    Event body = e.deepCopy();
    // The legacy API's shape: microsecond times belong to events.k8s.io.
    body.setEventTime(null);
    body.setSeries(null);
    body.getMetadata().setResourceVersion(null);
    return written(client.events(e.getMetadata().getNamespace()).create(body));
  }

  @Override
  public Written patch(Event e) {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("count", Objects.requireNonNullElse(e.getCount(), 1));
    if (e.getLastTimestamp() != null) {
      patch.put("lastTimestamp", e.getLastTimestamp().toString());
    }
    if (e.getMessage() != null && !e.getMessage().isEmpty()) {
      patch.put("message", e.getMessage());
    }
    return written(
        client
            .events(e.getMetadata().getNamespace())
            .patch(e.getMetadata().getName(), PatchType.STRATEGIC_MERGE, patch));
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  private static Written written(Event v) {
    return new Written(
        Objects.requireNonNullElse(v.getMetadata().getName(), ""),
        Objects.requireNonNullElse(v.getMetadata().getResourceVersion(), ""));
  }
}
