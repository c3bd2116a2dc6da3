package dev.kubeclient.informers.record.internal;

import dev.kubeclient.core.MicroTime;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.typed.api.core.v1.Event;
import dev.kubeclient.typed.api.events.v1.EventSeries;
import dev.kubeclient.typed.client.events.v1.EventsV1Client;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code events.k8s.io/v1} Events: a first occurrence is created with its {@code eventTime};
 * later ones are counted in {@code series} with a strategic merge patch, as client-go's {@code
 * tools/events} does. The deprecated core fields (count, timestamps, source) are never written,
 * since the API rejects them on creation.
 */
public final class EventsV1Sink implements EventSink {
  private final EventsV1Client client;

  /** A sink writing through {@code client}. */
  public EventsV1Sink(EventsV1Client client) {
    this.client = client;
  }

  @Override
  public Written create(Event e) {
    String namespace = e.getMetadata().getNamespace();
    dev.kubeclient.typed.api.events.v1.Event v =
        new dev.kubeclient.typed.api.events.v1.Event()
            .metadata(
                m ->
                    m.name(e.getMetadata().getName())
                        .namespace(namespace)
                        .annotations(
                            e.getMetadata().getAnnotations().isEmpty()
                                ? null
                                : e.getMetadata().getAnnotations()))
            .eventTime(e.getEventTime())
            .reportingController(e.getReportingComponent())
            .reportingInstance(e.getReportingInstance())
            .action(e.getAction())
            .reason(e.getReason())
            .regarding(e.getInvolvedObject())
            .related(e.getRelated())
            .note(e.getMessage())
            .type(e.getType());
    int count = Objects.requireNonNullElse(e.getCount(), 1);
    if (count > 1) {
      v.setSeries(new EventSeries().count(count).lastObservedTime(lastObserved(e)));
    }
    return written(client.events(namespace).create(v));
  }

  @Override
  public Written patch(Event e) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("count", Objects.requireNonNullElse(e.getCount(), 1));
    series.put("lastObservedTime", lastObserved(e).toString());
    return written(
        client
            .events(e.getMetadata().getNamespace())
            .patch(e.getMetadata().getName(), PatchType.STRATEGIC_MERGE, Map.of("series", series)));
  }

  @Override
  public String apiVersion() {
    return "events.k8s.io/v1";
  }

  private static MicroTime lastObserved(Event e) {
    if (e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
      return e.getSeries().getLastObservedTime();
    }
    return Objects.requireNonNull(e.getEventTime(), "eventTime");
  }

  private static Written written(dev.kubeclient.typed.api.events.v1.Event v) {
    return new Written(
        Objects.requireNonNullElse(v.getMetadata().getName(), ""),
        Objects.requireNonNullElse(v.getMetadata().getResourceVersion(), ""));
  }
}
