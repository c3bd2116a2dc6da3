package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.fields.FieldSelector;
import dev.kubeclient.core.labels.Selector;
import dev.kubeclient.core.labels.SelectorParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label and field selector filters over stored objects, with core's parsers and matchers. Field
 * values come from the few extracted fields ({@code metadata.name}, {@code metadata.namespace}) or,
 * for other fields such as {@code spec.nodeName} and {@code status.phase}, from the stored body.
 */
public final class Selectors {
  private Selectors() {}

  /**
   * The field labels each built-in resource supports besides metadata.name and metadata.namespace,
   * as the registry strategies' {@code GetAttrs}/field label conversion functions declare them;
   * others get 400 as on a real server.
   */
  private static final Map<String, Set<String>> FIELD_LABELS =
      Map.of(
          "/pods",
          Set.of(
              "spec.nodeName",
              "spec.restartPolicy",
              "spec.schedulerName",
              "spec.serviceAccountName",
              "spec.hostNetwork",
              "status.phase",
              "status.podIP",
              "status.podIPs",
              "status.nominatedNodeName"),
          "/events",
          Set.of(
              "involvedObject.kind",
              "involvedObject.namespace",
              "involvedObject.name",
              "involvedObject.uid",
              "involvedObject.apiVersion",
              "involvedObject.resourceVersion",
              "involvedObject.fieldPath",
              "reason",
              "reportingComponent",
              "source",
              "type"),
          "/secrets",
          Set.of("type"),
          "/namespaces",
          Set.of("status.phase"),
          "/nodes",
          Set.of("spec.unschedulable"),
          "apps/replicasets",
          Set.of("status.replicas"),
          "batch/jobs",
          Set.of("status.successful"),
          "certificates.k8s.io/certificatesigningrequests",
          Set.of("spec.signerName"));

  /**
   * Checks that every field of {@code fieldSelector} is supported for {@code type}.
   *
   * @throws ApiError 400 {@code field label not supported: <field>} otherwise
   */
  public static void checkFieldLabels(ResourceType type, String fieldSelector) {
    Set<String> supported = FIELD_LABELS.getOrDefault(type.storageKey(), Set.of());
    for (FieldSelector.Term term : parseFields(fieldSelector).terms()) {
      String field = term.field();
      if (!field.equals("metadata.name")
          && !field.equals("metadata.namespace")
          && !supported.contains(field)) {
        throw ApiError.badRequest("field label not supported: " + field);
      }
    }
  }

  /**
   * The filter for the given selector strings (empty strings select everything), parsed with core's
   * label and field selector grammar.
   *
   * @throws ApiError 400 when a selector does not parse
   */
  public static Predicate<StoredObject> filter(String labelSelector, String fieldSelector) {
    Selector labels;
    try {
      labels = Selector.parse(labelSelector);
    } catch (SelectorParseException e) {
      throw ApiError.badRequest("unable to parse requirement: " + e.getMessage());
    }
    FieldSelector fields = parseFields(fieldSelector);
    if (labels.isEmpty() && fields.isEmpty()) {
      return o -> true;
    }
    if (fields.isEmpty()) {
      return o -> labels.matches(o.labels());
    }
    List<String> paths = new ArrayList<>();
    for (FieldSelector.Term term : fields.terms()) {
      paths.add(term.field());
    }
    return o -> {
      if (!labels.matches(o.labels())) {
        return false;
      }
      Map<String, String> values = new HashMap<>();
      for (String path : paths) {
        values.put(path, fieldValue(o, path));
      }
      return fields.matches(values);
    };
  }

  private static FieldSelector parseFields(String fieldSelector) {
    try {
      return FieldSelector.parse(fieldSelector);
    } catch (SelectorParseException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  /** The value of a field path for field selectors; empty when absent. */
  public static String fieldValue(StoredObject o, String path) {
    switch (path) {
      case "metadata.name":
        return o.name();
      case "metadata.namespace":
        return o.namespace();
      default:
        JsonNode node = o.tree();
        for (String part : path.split("\\.")) {
          node = node.path(part);
        }
        return node.isValueNode() ? node.asText() : "";
    }
  }
}
