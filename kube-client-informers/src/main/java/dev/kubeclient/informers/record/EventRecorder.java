package dev.kubeclient.informers.record;

import dev.kubeclient.core.KubernetesObject;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records events about objects on behalf of one controller (client-go's {@code
 * record.EventRecorder}, with the {@code events.k8s.io} form of {@code tools/events} as an
 * overload). Recording never blocks and never fails because of the server: the event is queued for
 * the {@link EventBroadcaster}'s sink, correlated there (counted, aggregated, spam-filtered) and
 * written; when the queue is full it is dropped, counted and logged.
 *
 * <p>Arguments are checked at once ({@code IllegalArgumentException}): the type must be {@link
 * #NORMAL} or {@link #WARNING}, the reason and action not empty, and the object must have a name
 * and a kind (from its fields or the default Scheme). client-go logs such mistakes and drops the
 * event instead.
 *
 * <p>Safe for concurrent use. Get one from {@link EventBroadcaster#newRecorder(String)}.
 */
public interface EventRecorder {
  /** The type of events about things working as expected. */
  String NORMAL = "Normal";

  /** The type of events about something going wrong. */
  String WARNING = "Warning";

  /**
   * Records an event about {@code regarding}, in its namespace ({@code default} for cluster-scoped
   * objects).
   *
   * @param type {@link #NORMAL} or {@link #WARNING}
   * @param reason why the event happened, short and in UpperCamelCase ({@code FailedMount}); also
   *     the action of an {@code events.k8s.io} event
   * @param message for humans
   */
  void event(KubernetesObject regarding, String type, String reason, String message);

  /** As {@link #event}, with the message made by {@link String#format}. */
  void eventf(
      KubernetesObject regarding, String type, String reason, String messageFormat, Object... args);

  /** As {@link #eventf}, with annotations on the Event object. */
  void annotatedEventf(
      KubernetesObject regarding,
      Map<String, String> annotations,
      String type,
      String reason,
      String messageFormat,
      Object... args);

  /**
   * Records an event in the {@code events.k8s.io} form (client-go's {@code events.EventRecorder}):
   * what {@code action} the controller took on {@code regarding}, possibly involving {@code
   * related}, and why.
   */
  void event(
      KubernetesObject regarding,
      @Nullable KubernetesObject related,
      String type,
      String reason,
      String action,
      String note);
}
