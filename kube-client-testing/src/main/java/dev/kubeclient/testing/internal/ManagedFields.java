package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.testing.internal.smd.FieldSet;
import dev.kubeclient.testing.internal.smd.ManagedSet;
import dev.kubeclient.testing.internal.smd.Values;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code metadata.managedFields} of an object decoded into managers and back, as apimachinery's
 * {@code managedfields/internal/managedfields.go} does. A manager is keyed by its identifier, the
 * Go JSON of its entry without fields, time and type ({@code {"manager":"kubectl","operation":
 * "Update","apiVersion":"v1"}}; appliers without apiVersion), so one manager keeps one entry per
 * operation, API version (updates only) and subresource. Entries are written sorted by operation,
 * time, manager, API version and subresource. Not thread-safe.
 */
final class ManagedFields {
  static final String APPLY = "Apply";
  static final String UPDATE = "Update";

  /** The managers by identifier. */
  final Map<String, ManagedSet> fields;

  /** The time of each manager's last change (RFC 3339), by identifier; absent when unknown. */
  final Map<String, String> times;

  ManagedFields(Map<String, ManagedSet> fields, Map<String, String> times) {
    this.fields = new LinkedHashMap<>(fields);
    this.times = new LinkedHashMap<>(times);
  }

  static ManagedFields empty() {
    return new ManagedFields(Map.of(), Map.of());
  }

  /** The identifier of a manager: the Go JSON of the identifying entry fields. */
  static String identifier(
      String manager, String operation, @Nullable String apiVersion, @Nullable String subresource) {
    ObjectNode id = JsonNodeFactory.instance.objectNode();
    if (!manager.isEmpty()) {
      id.put("manager", manager);
    }
    if (!operation.isEmpty()) {
      id.put("operation", operation);
    }
    if (apiVersion != null && !apiVersion.isEmpty() && !operation.equals(APPLY)) {
      id.put("apiVersion", apiVersion);
    }
    if (subresource != null && !subresource.isEmpty()) {
      id.put("subresource", subresource);
    }
    StringBuilder b = new StringBuilder("{");
    id.properties()
        .forEach(
            e ->
                b.append(b.length() > 1 ? "," : "")
                    .append(Values.goJson(JsonNodeFactory.instance.textNode(e.getKey())))
                    .append(':')
                    .append(Values.goJson(e.getValue())));
    return b.append('}').toString();
  }

  /** The identifying fields of {@code identifier}. */
  static ObjectNode parseIdentifier(String identifier) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(identifier);
    } catch (IOException | ClassCastException e) {
      throw new IllegalStateException("not a manager identifier: " + identifier, e);
    }
  }

  /**
   * Decodes {@code metadata.managedFields} (absent or null: no managers).
   *
   * @throws IllegalArgumentException with apimachinery's message when an entry is not valid
   */
  static ManagedFields decode(@Nullable JsonNode entries) {
    Map<String, ManagedSet> fields = new LinkedHashMap<>();
    Map<String, String> times = new LinkedHashMap<>();
    if (entries == null || entries.isNull()) {
      return new ManagedFields(fields, times);
    }
    if (!entries.isArray()) {
      throw new IllegalArgumentException("managedFields must be a list");
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String operation = entry.path("operation").asText("");
      if (!operation.equals(APPLY) && !operation.equals(UPDATE)) {
        throw new IllegalArgumentException("operation must be `Apply` or `Update`");
      }
      String apiVersion = entry.path("apiVersion").asText("");
      if (apiVersion.isEmpty()) {
        throw new IllegalArgumentException("apiVersion must not be empty");
      }
      String type = entry.path("fieldsType").asText("");
      if (type.isEmpty()) {
        throw new IllegalArgumentException("missing fieldsType in managed fields entry " + i);
      }
      if (!type.equals("FieldsV1")) {
        throw new IllegalArgumentException(
            "invalid fieldsType " + Json.quote(type) + " in managed fields entry " + i);
      }
      String id =
          identifier(
              entry.path("manager").asText(""),
              operation,
              apiVersion,
              entry.path("subresource").asText(""));
      JsonNode raw = entry.get("fieldsV1");
      FieldSet set = raw == null || raw.isNull() ? new FieldSet() : FieldSet.fromFieldsV1(raw);
      fields.put(id, new ManagedSet(set, apiVersion, operation.equals(APPLY)));
      JsonNode time = entry.get("time");
      if (time != null && time.isTextual()) {
        times.put(id, time.textValue());
      } else {
        times.remove(id);
      }
    }
    return new ManagedFields(fields, times);
  }

  /** The entries of these managers, sorted; null when there are none. */
  @Nullable ArrayNode encode() {
    if (fields.isEmpty()) {
      return null;
    }
    List<ObjectNode> entries = new ArrayList<>();
    for (Map.Entry<String, ManagedSet> e : fields.entrySet()) {
      ObjectNode id = parseIdentifier(e.getKey());
      ManagedSet set = e.getValue();
      ObjectNode entry = JsonNodeFactory.instance.objectNode();
      entry.put("manager", id.path("manager").asText(""));
      entry.put("operation", set.applied() ? APPLY : id.path("operation").asText(UPDATE));
      entry.put("apiVersion", set.apiVersion());
      String time = times.get(e.getKey());
      if (time != null) {
        entry.put("time", normalizeTime(time));
      }
      entry.put("fieldsType", "FieldsV1");
      entry.set("fieldsV1", set.set().toFieldsV1());
      String subresource = id.path("subresource").asText("");
      if (!subresource.isEmpty()) {
        entry.put("subresource", subresource);
      }
      entries.add(entry);
    }
    entries.sort(
        Comparator.<ObjectNode, String>comparing(n -> n.path("operation").asText())
            .thenComparingLong(n -> seconds(n.path("time").asText("")))
            .thenComparing(n -> n.path("manager").asText())
            .thenComparing(n -> n.path("apiVersion").asText())
            .thenComparing(n -> n.path("subresource").asText("")));
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    entries.forEach(array::add);
    return array;
  }

  /** Seconds since the epoch of an RFC 3339 time, 0 when absent or unreadable. */
  static long seconds(String time) {
    if (time.isEmpty()) {
      return 0;
    }
    try {
      return OffsetDateTime.parse(time).toEpochSecond();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }

  private static String normalizeTime(String time) {
    try {
      return Instant.ofEpochSecond(OffsetDateTime.parse(time).toEpochSecond()).toString();
    } catch (DateTimeParseException e) {
      return time;
    }
  }

  /**
   * A manager as conflict messages name it: {@code "kubectl"} for an applier, {@code "kubectl"
   * using v1} for an updater, {@code "k" with subresource "status" using v1} for a subresource.
   */
  static String describe(String identifier) {
    ObjectNode id;
    try {
      id = parseIdentifier(identifier);
    } catch (IllegalStateException e) {
      return Json.quote(identifier);
    }
    StringBuilder b = new StringBuilder(Json.quote(id.path("manager").asText("")));
    String subresource = id.path("subresource").asText("");
    if (!subresource.isEmpty()) {
      b.append(" with subresource ").append(Json.quote(subresource));
    }
    if (UPDATE.equals(id.path("operation").asText())) {
      b.append(" using ").append(id.path("apiVersion").asText(""));
    }
    return b.toString();
  }
}
