package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.testing.internal.smd.ConflictException;
import dev.kubeclient.testing.internal.smd.FieldSet;
import dev.kubeclient.testing.internal.smd.SchemaException;
import dev.kubeclient.testing.internal.smd.Updater;
import dev.kubeclient.testing.internal.smd.Values;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How server-side apply by {@code kubectl} meets client-side apply's {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation, as apimachinery's {@code
 * lastAppliedManager} and {@code lastAppliedUpdater} do: conflicts on fields the annotation holds
 * with the live values are not conflicts (so {@code kubectl apply --server-side} takes over from
 * {@code kubectl apply}), and an object that has the annotation gets it rewritten to the applied
 * configuration (so a later client-side apply still works). Stateless.
 */
final class LastApplied {
  static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

  private LastApplied() {}

  /**
   * The conflicts that remain after those on fields the live object's last-applied annotation sets
   * to their live values; all of them when the object has no usable annotation.
   */
  static List<ConflictException.Conflict> notAllowed(
      List<ConflictException.Conflict> conflicts,
      ObjectNode live,
      ResourceType type,
      Schemas.Typed typed) {
    String annotation = live.path("metadata").path("annotations").path(ANNOTATION).asText("");
    if (annotation.isEmpty()) {
      return conflicts;
    }
    FieldSet allowed;
    try {
      JsonNode lastApplied = Json.MAPPER.readTree(annotation);
      if (lastApplied == null
          || !type.apiVersion().equals(lastApplied.path("apiVersion").asText())) {
        return conflicts;
      }
      Updater updater = new Updater(typed.schema(), typed.root(), s -> s);
      ObjectNode current = live.deepCopy();
      Json.child(current, "metadata").remove("managedFields");
      allowed = updater.toFieldSet(lastApplied).difference(updater.changed(lastApplied, current));
    } catch (IOException | SchemaException e) {
      return conflicts;
    }
    List<ConflictException.Conflict> remaining = new ArrayList<>();
    for (ConflictException.Conflict c : conflicts) {
      if (!allowed.has(c.path())) {
        remaining.add(c);
      }
    }
    return remaining;
  }

  /** Rewrites the annotation of {@code object}, if it has one, to the applied {@code config}. */
  static void update(ObjectNode object, ObjectNode config) {
    JsonNode annotations = object.path("metadata").path("annotations");
    if (!(annotations instanceof ObjectNode a) || a.path(ANNOTATION).asText("").isEmpty()) {
      return;
    }
    ObjectNode applied = config.deepCopy();
    JsonNode configAnnotations = applied.path("metadata").path("annotations");
    if (configAnnotations instanceof ObjectNode ca) {
      ca.remove(ANNOTATION);
    }
    a.put(ANNOTATION, Values.goJson(applied) + "\n");
  }
}
