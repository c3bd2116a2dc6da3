package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label and field selector filters over stored objects. Field values come from the few extracted
 * fields ({@code metadata.name}, {@code metadata.namespace}) or, for other fields such as {@code
 * spec.nodeName} and {@code status.phase}, from the stored body.
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
    if (fieldSelector.isBlank()) {
      return;
    }
    Set<String> supported = FIELD_LABELS.getOrDefault(type.storageKey(), Set.of());
    for (String[] term : equalityTerms(fieldSelector, "fieldSelector")) {
      String field = term[0];
      if (!field.equals("metadata.name")
          && !field.equals("metadata.namespace")
          && !supported.contains(field)) {
        throw ApiError.badRequest("field label not supported: " + field);
      }
    }
  }

  /** The filter for the given selector strings (empty strings select everything). */
  public static Predicate<StoredObject> filter(String labelSelector, String fieldSelector) {
    Predicate<StoredObject> result = o -> true;
    if (!labelSelector.isBlank()) {
      List<String[]> terms = equalityTerms(labelSelector, "labelSelector");
      result =
          result.and(
              o -> {
                for (String[] t : terms) {
                  String value = o.labels().get(t[0]);
                  boolean equal = t[1].equals(value);
                  if (t[2].equals("!=") ? equal : !equal) {
                    return false;
                  }
                }
                return true;
              });
    }
    if (!fieldSelector.isBlank()) {
      List<String[]> terms = equalityTerms(fieldSelector, "fieldSelector");
      result =
          result.and(
              o -> {
                for (String[] t : terms) {
                  boolean equal = t[1].equals(fieldValue(o, t[0]));
                  if (t[2].equals("!=") ? equal : !equal) {
                    return false;
                  }
                }
                return true;
              });
    }
    return result;
  }

  private static List<String[]> equalityTerms(String selector, String param) {
    List<String[]> terms = new ArrayList<>();
    for (String term : selector.split(",")) {
      String op = term.contains("!=") ? "!=" : term.contains("==") ? "==" : "=";
      int at = term.indexOf(op);
      if (at <= 0) {
        throw ApiError.badRequest("unable to parse requirement: " + param + " " + Json.quote(term));
      }
      terms.add(
          new String[] {term.substring(0, at).trim(), term.substring(at + op.length()).trim(), op});
    }
    return terms;
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
