package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Label and field selector filters over stored objects. Field values come from the few extracted
 * fields ({@code metadata.name}, {@code metadata.namespace}) or, for other fields such as {@code
 * spec.nodeName} and {@code status.phase}, from the stored body.
 */
public final class Selectors {
  private Selectors() {}

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
