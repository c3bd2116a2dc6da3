package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one Table row under construction, with the formatting helpers Kubernetes' printers
 * share: ages ({@code duration.HumanDuration}), label maps and selectors as {@code kubectl} shows
 * them, container names and images. Confined to one thread.
 */
final class Cells {
  static final String NAME_DESCRIPTION =
      "Name must be unique within a namespace. Cannot be updated.";
  static final String AGE_DESCRIPTION =
      "CreationTimestamp is the time the object was created, in RFC 3339 form, UTC.";

  private final long nowMillis;
  private final ArrayNode cells = Json.object().arrayNode();
  private @Nullable ArrayNode conditions;

  Cells(long nowMillis) {
    this.nowMillis = nowMillis;
  }

  Cells add(@Nullable String value) {
    if (value == null) {
      cells.addNull();
    } else {
      cells.add(value);
    }
    return this;
  }

  Cells add(long value) {
    cells.add(value);
    return this;
  }

  Cells add(boolean value) {
    cells.add(value);
    return this;
  }

  /** Adds a JSON value as it is (a CRD column's number, boolean or null). */
  Cells addNode(@Nullable JsonNode value) {
    if (value == null) {
      cells.addNull();
    } else {
      cells.add(value);
    }
    return this;
  }

  /** The name and age cells most printers start and end with. */
  String name(JsonNode object) {
    return object.path("metadata").path("name").asText("");
  }

  /** A row condition, such as {@code Completed} for finished pods. */
  void condition(String type, String status, String reason, String message) {
    if (conditions == null) {
      conditions = Json.object().arrayNode();
    }
    ObjectNode c = conditions.addObject();
    c.put("type", type);
    c.put("status", status);
    c.put("reason", reason);
    c.put("message", message);
  }

  /** The finished row: cells, conditions when any. */
  ObjectNode row() {
    ObjectNode row = Json.object();
    row.set("cells", cells);
    if (conditions != null) {
      row.set("conditions", conditions);
    }
    return row;
  }

  /** The age of the object: {@code translateTimestampSince(creationTimestamp)}. */
  String age(JsonNode object) {
    return since(object.path("metadata").path("creationTimestamp"));
  }

  /** Time since an RFC 3339 timestamp, or {@code <unknown>} when absent. */
  String since(JsonNode timestamp) {
    Instant t = instant(timestamp);
    return t == null ? "<unknown>" : humanDuration(nowMillis - t.toEpochMilli());
  }

  static @Nullable Instant instant(@Nullable JsonNode timestamp) {
    if (timestamp == null || !timestamp.isTextual() || timestamp.asText().isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(timestamp.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** apimachinery's {@code duration.HumanDuration}: 5s, 3m20s, 2h10m, 4d6h, 3y45d. */
  static String humanDuration(long millis) {
    long seconds = millis / 1000;
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }

  /** {@code labels.FormatLabels}: {@code a=1,b=2} sorted by key, or {@code <none>}. */
  static String formatLabels(JsonNode map) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      sorted.put(e.getKey(), e.getValue().asText(""));
    }
    if (sorted.isEmpty()) {
      return "<none>";
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  /**
   * A LabelSelector as {@code labels.Selector.String()} writes it: requirements sorted by key,
   * {@code k=v}, {@code k in (a,b)}, {@code k notin (a)}, {@code k}, {@code !k}; empty when the
   * selector selects everything or is absent.
   */
  static String selectorString(JsonNode selector) {
    List<String[]> requirements = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
      requirements.add(new String[] {e.getKey(), e.getKey() + "=" + e.getValue().asText("")});
    }
    for (JsonNode expr : selector.path("matchExpressions")) {
      String key = expr.path("key").asText("");
      List<String> values = new ArrayList<>();
      for (JsonNode v : expr.path("values")) {
        values.add(v.asText(""));
      }
      values.sort(null);
      String text =
          switch (expr.path("operator").asText("")) {
            case "In" -> key + " in (" + String.join(",", values) + ")";
            case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
            case "Exists" -> key;
            case "DoesNotExist" -> "!" + key;
            default -> key + " " + expr.path("operator").asText("") + " " + values;
          };
      requirements.add(new String[] {key, text});
    }
    requirements.sort((a, b) -> a[0].compareTo(b[0]));
    List<String> parts = new ArrayList<>();
    for (String[] r : requirements) {
      parts.add(r[1]);
    }
    return String.join(",", parts);
  }

  /** {@code metav1.FormatLabelSelector}: the selector string, or {@code <none>} when empty. */
  static String formatLabelSelector(JsonNode selector) {
    String s = selectorString(selector);
    return s.isEmpty() ? "<none>" : s;
  }

  /** The Containers and Images cells of a pod template: names and images joined by commas. */
  Cells containers(JsonNode podSpec) {
    List<String> names = new ArrayList<>();
    List<String> images = new ArrayList<>();
    for (JsonNode c : podSpec.path("containers")) {
      names.add(c.path("name").asText(""));
      images.add(c.path("image").asText(""));
    }
    return add(String.join(",", names)).add(String.join(",", images));
  }

  /** A string field, or {@code fallback} when absent or empty. */
  static String text(JsonNode node, String fallback) {
    String s = node.asText("");
    return s.isEmpty() ? fallback : s;
  }
}
