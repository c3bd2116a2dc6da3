package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Field ownership conflicts of server-side apply: a field the applier sets to a value different
 * from the live one while another apply manager owns it. Found by walking the applier's FieldsV1
 * set against each other manager's, reading the values at the shared leaves from the configuration
 * and the live object.
 */
final class ApplyConflicts {
  private ApplyConflicts() {}

  /** One conflict: the other manager and the field path ({@code .data.a}). */
  record Conflict(String manager, String apiVersion, String field) {}

  /** The conflicts of applying {@code config} (field set {@code applied}) as {@code manager}. */
  static List<Conflict> find(JsonNode live, JsonNode config, JsonNode applied, String manager) {
    List<Conflict> conflicts = new ArrayList<>();
    for (JsonNode entry : live.path("metadata").path("managedFields")) {
      String other = entry.path("manager").asText();
      if (other.equals(manager) || !"Apply".equals(entry.path("operation").asText())) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      walk(applied, entry.path("fieldsV1"), config, live, "", fields);
      for (String field : fields) {
        conflicts.add(new Conflict(other, entry.path("apiVersion").asText(), field));
      }
    }
    return conflicts;
  }

  private static void walk(
      JsonNode mine,
      JsonNode theirs,
      @Nullable JsonNode config,
      @Nullable JsonNode live,
      String path,
      List<String> out) {
    for (Map.Entry<String, JsonNode> e : mine.properties()) {
      String key = e.getKey();
      JsonNode other = theirs.get(key);
      if (key.equals(".") || other == null) {
        continue;
      }
      JsonNode configValue = step(config, key);
      JsonNode liveValue = step(live, key);
      String childPath = path + render(key);
      if (isLeaf(e.getValue()) || isLeaf(other)) {
        if (configValue != null && !configValue.equals(liveValue)) {
          out.add(childPath);
        }
      } else {
        walk(e.getValue(), other, configValue, liveValue, childPath, out);
      }
    }
  }

  private static boolean isLeaf(JsonNode set) {
    for (Map.Entry<String, JsonNode> e : set.properties()) {
      if (!e.getKey().equals(".")) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable JsonNode step(@Nullable JsonNode node, String key) {
    if (node == null) {
      return null;
    }
    if (key.startsWith("f:")) {
      return node.get(key.substring(2));
    }
    if (key.startsWith("k:") && node.isArray()) {
      JsonNode wanted = Json.parseTrusted(key.substring(2).getBytes(StandardCharsets.UTF_8));
      for (JsonNode item : node) {
        boolean all = true;
        for (Map.Entry<String, JsonNode> k : wanted.properties()) {
          all &= k.getValue().equals(item.get(k.getKey()));
        }
        if (all) {
          return item;
        }
      }
    }
    return null;
  }

  /** {@code f:data} → {@code .data}; {@code k:{"name":"a"}} → {@code [name="a"]}. */
  private static String render(String key) {
    if (key.startsWith("f:")) {
      return "." + key.substring(2);
    }
    JsonNode wanted = Json.parseTrusted(key.substring(2).getBytes(StandardCharsets.UTF_8));
    StringBuilder b = new StringBuilder("[");
    for (Map.Entry<String, JsonNode> k : wanted.properties()) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(k.getKey()).append('=').append(k.getValue());
    }
    return b.append(']').toString();
  }

  /** The 409 a real server answers, naming each conflict as a FieldManagerConflict cause. */
  static ApiError error(ResourceType type, String name, List<Conflict> conflicts) {
    StringBuilder message =
        new StringBuilder("Apply failed with ")
            .append(conflicts.size())
            .append(conflicts.size() == 1 ? " conflict: " : " conflicts: ");
    for (int i = 0; i < conflicts.size(); i++) {
      Conflict c = conflicts.get(i);
      message
          .append(i == 0 ? "" : "\n")
          .append("conflict with \"")
          .append(c.manager())
          .append("\" using ")
          .append(c.apiVersion())
          .append(": ")
          .append(c.field());
    }
    List<ApiError.Cause> causes = new ArrayList<>();
    for (Conflict c : conflicts) {
      causes.add(
          new ApiError.Cause(
              "FieldManagerConflict",
              "conflict with \"" + c.manager() + "\" using " + c.apiVersion(),
              c.field()));
    }
    return ApiError.applyConflict(type, name, message.toString(), causes);
  }
}
