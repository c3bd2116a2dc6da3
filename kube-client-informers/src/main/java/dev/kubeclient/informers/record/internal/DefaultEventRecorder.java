package dev.kubeclient.informers.record.internal;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.Clock;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.MicroTime;
import dev.kubeclient.core.Time;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.informers.record.EventRecorder;
import dev.kubeclient.typed.api.core.v1.Event;
import dev.kubeclient.typed.api.core.v1.EventSeries;
import dev.kubeclient.typed.api.core.v1.EventSource;
import dev.kubeclient.typed.api.core.v1.ObjectReference;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The recorder of one controller: makes the event (client-go's {@code makeEvent}) and hands it to
 * the broadcaster's queue. Safe for concurrent use.
 */
public final class DefaultEventRecorder implements EventRecorder {
  private final String reportingController;
  private final String reportingInstance;
  private final String host;
  private final Clock clock;
  private final Consumer<Event> queue;

  /**
   * A recorder for {@code reportingController} (also the event source's component) running as
   * {@code reportingInstance} on {@code host}, passing events to {@code queue}.
   */
  public DefaultEventRecorder(
      String reportingController,
      String reportingInstance,
      String host,
      Clock clock,
      Consumer<Event> queue) {
    this.reportingController = reportingController;
    this.reportingInstance = reportingInstance;
    this.host = host;
    this.clock = clock;
    this.queue = queue;
  }

  @Override
  public void event(KubernetesObject regarding, String type, String reason, String message) {
    record(regarding, null, Map.of(), type, reason, reason, message);
  }

  @Override
  public void eventf(
      KubernetesObject regarding,
      String type,
      String reason,
      String messageFormat,
      Object... args) {
    checkNotNull(messageFormat, "messageFormat");
    record(regarding, null, Map.of(), type, reason, reason, format(messageFormat, args));
  }

  @Override
  public void annotatedEventf(
      KubernetesObject regarding,
      Map<String, String> annotations,
      String type,
      String reason,
      String messageFormat,
      Object... args) {
    checkNotNull(annotations, "annotations");
    checkNotNull(messageFormat, "messageFormat");
    record(regarding, null, annotations, type, reason, reason, format(messageFormat, args));
  }

  @Override
  public void event(
      KubernetesObject regarding,
      @Nullable KubernetesObject related,
      String type,
      String reason,
      String action,
      String note) {
    record(regarding, related, Map.of(), type, reason, action, note);
  }

  private static String format(String messageFormat, Object... args) {
    return String.format(Locale.ROOT, messageFormat, args);
  }

  private void record(
      KubernetesObject regarding,
      @Nullable KubernetesObject related,
      Map<String, String> annotations,
      String type,
      String reason,
      String action,
      String message) {
    checkNotNull(regarding, "regarding");
    checkNotNull(type, "type");
    checkNotNull(reason, "reason");
    checkNotNull(action, "action");
    checkNotNull(message, "message");
    checkArgument(
        type.equals(NORMAL) || type.equals(WARNING),
        "event type must be Normal or Warning: '%s'",
        type);
    checkArgument(!reason.isEmpty(), "event reason must not be empty");
    checkArgument(!action.isEmpty(), "event action must not be empty");
    ObjectReference ref = References.of(regarding, "event " + reason);
    ObjectReference relatedRef = related == null ? null : References.of(related, "related object");
    queue.accept(makeEvent(ref, relatedRef, annotations, type, reason, action, message));
  }

  private Event makeEvent(
      ObjectReference ref,
      @Nullable ObjectReference related,
      Map<String, String> annotations,
      String type,
      String reason,
      String action,
      String message) {
    Instant now = clock.now();
    String namespace =
        ref.getNamespace() == null || ref.getNamespace().isEmpty() ? "default" : ref.getNamespace();
    return new Event()
        .metadata(
            new ObjectMeta()
                .name(EventNames.generate(ref.getName(), now))
                .namespace(namespace)
                .annotations(annotations.isEmpty() ? null : Map.copyOf(annotations)))
        .involvedObject(ref)
        .related(related)
        .reason(reason)
        .message(message)
        .type(type)
        .action(action)
        .count(1)
        .firstTimestamp(Time.of(now))
        .lastTimestamp(Time.of(now))
        .eventTime(MicroTime.of(now))
        .series(new EventSeries().lastObservedTime(MicroTime.of(now)))
        .source(new EventSource().component(reportingController).host(host))
        .reportingComponent(reportingController)
        .reportingInstance(reportingInstance);
  }

  @Override
  public String toString() {
    return "EventRecorder{" + reportingController + ", " + reportingInstance + "}";
  }
}
