package dev.kubeclient.typed.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Lists where two JSON trees differ, as JSON-pointer-like paths, so a failed round trip of a large
 * fixture names the field at fault instead of printing two whole documents.
 */
public final class JsonDiff {
  private JsonDiff() {}

  /** The differing paths of {@code expected} and {@code actual}; empty when the trees are equal. */
  public static List<String> diff(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    walk("", expected, actual, out);
    return out;
  }

  private static void walk(String path, JsonNode e, JsonNode a, List<String> out) {
    if (e.isObject() && a.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      e.fieldNames().forEachRemaining(names::add);
      a.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        JsonNode ev = e.get(n);
        JsonNode av = a.get(n);
        if (ev == null || av == null) {
          out.add(path + "/" + n + (ev == null ? " unexpected " + av : " missing, was " + ev));
        } else {
          walk(path + "/" + n, ev, av, out);
        }
      }
    } else if (e.isArray() && a.isArray() && e.size() == a.size()) {
      Iterator<JsonNode> ei = e.elements();
      Iterator<JsonNode> ai = a.elements();
      for (int i = 0; ei.hasNext(); i++) {
        walk(path + "/" + i, ei.next(), ai.next(), out);
      }
    } else if (!e.equals(a)) {
      out.add(path + ": expected " + describe(e) + " but was " + describe(a));
    }
  }

  private static String describe(JsonNode n) {
    return n + " (" + n.getNodeType() + (n.isNumber() ? " " + n.numberType() : "") + ")";
  }
}
