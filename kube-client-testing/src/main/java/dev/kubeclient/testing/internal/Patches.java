package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The patch formats of the PATCH verb: JSON Patch (RFC 6902), JSON Merge Patch (RFC 7386) and
 * strategic merge patch. Strategic merge knows the list merge keys of the built-in types where it
 * matters (containers, env, ports, volumes, conditions, ...) from a table of field names instead of
 * the Go struct tags, and understands the {@code $patch}, {@code $retainKeys}, {@code
 * $deleteFromPrimitiveList} and {@code $setElementOrder} directives.
 */
public final class Patches {
  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("volumes", "name"),
          Map.entry("env", "name"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("resourceClaims", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("conditions", "type"),
          Map.entry("ownerReferences", "uid"),
          Map.entry("hostAliases", "ip"),
          Map.entry("topologySpreadConstraints", "topologyKey"));

  private Patches() {}

  /** Applies a JSON Patch; failures are 422 as the API server reports them. */
  public static ObjectNode jsonPatch(ObjectNode target, JsonNode patch) {
    if (!patch.isArray()) {
      throw ApiError.badRequest(
          "json: cannot unmarshal "
              + patch.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + " into Go value of type jsonpatch.Patch");
    }
    JsonNode doc = target.deepCopy();
    for (JsonNode op : patch) {
      String name = op.path("op").asText("");
      String path = op.path("path").asText("");
      switch (name) {
        case "add" -> doc = add(doc, path, value(op), false);
        case "replace" -> {
          get(doc, path, "replace");
          doc = add(doc, path, value(op), true);
        }
        case "remove" -> doc = remove(doc, path);
        case "move" -> {
          String from = op.path("from").asText("");
          JsonNode v = get(doc, from, "move");
          doc = add(remove(doc, from), path, v, false);
        }
        case "copy" ->
            doc = add(doc, path, get(doc, op.path("from").asText(""), "copy").deepCopy(), false);
        case "test" -> {
          if (!get(doc, path, "test").equals(value(op))) {
            throw ApiError.unprocessable("testing value " + path + " failed: test failed");
          }
        }
        default -> throw ApiError.badRequest("Unexpected kind: " + name);
      }
    }
    if (!(doc instanceof ObjectNode)) {
      throw ApiError.unprocessable("the patch replaced the whole object with a non-object");
    }
    return (ObjectNode) doc;
  }

  private static JsonNode value(JsonNode op) {
    JsonNode v = op.get("value");
    if (v == null) {
      throw ApiError.unprocessable(
          "missing value for operation "
              + op.path("op").asText()
              + " on "
              + op.path("path").asText());
    }
    return v.deepCopy();
  }

  private static List<String> pointer(String path) {
    List<String> result = new ArrayList<>();
    if (path.isEmpty()) {
      return result;
    }
    if (!path.startsWith("/")) {
      throw ApiError.unprocessable("JSON pointer must be empty or start with a \"/\": " + path);
    }
    for (String token : path.substring(1).split("/", -1)) {
      result.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return result;
  }

  private static JsonNode get(JsonNode doc, String path, String op) {
    JsonNode node = doc;
    for (String token : pointer(path)) {
      JsonNode next = null;
      if (node.isObject()) {
        next = node.get(token);
      } else if (node.isArray() && token.matches("\\d+")) {
        next = node.get(Integer.parseInt(token));
      }
      if (next == null) {
        throw ApiError.unprocessable(
            op + " operation does not apply: doc is missing path: \"" + path + "\"");
      }
      node = next;
    }
    return node;
  }

  private static JsonNode add(JsonNode doc, String path, JsonNode value, boolean replace) {
    List<String> tokens = pointer(path);
    if (tokens.isEmpty()) {
      return value;
    }
    String last = tokens.get(tokens.size() - 1);
    String parentPath = path.substring(0, path.lastIndexOf('/'));
    JsonNode parent = get(doc, parentPath, replace ? "replace" : "add");
    if (parent instanceof ObjectNode) {
      ((ObjectNode) parent).set(last, value);
    } else if (parent instanceof ArrayNode) {
      ArrayNode array = (ArrayNode) parent;
      if (last.equals("-") && !replace) {
        array.add(value);
      } else if (last.matches("\\d+")
          && Integer.parseInt(last) <= array.size() - (replace ? 1 : 0)) {
        int index = Integer.parseInt(last);
        if (replace) {
          array.set(index, value);
        } else {
          array.insert(index, value);
        }
      } else {
        throw ApiError.unprocessable("add operation does not apply: index out of bounds: " + path);
      }
    } else {
      throw ApiError.unprocessable("add operation does not apply: doc is missing path: " + path);
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String path) {
    List<String> tokens = pointer(path);
    get(doc, path, "remove");
    String last = tokens.get(tokens.size() - 1);
    JsonNode parent = get(doc, path.substring(0, path.lastIndexOf('/')), "remove");
    if (parent instanceof ObjectNode) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ArrayNode) parent).remove(Integer.parseInt(last));
    }
    return doc;
  }

  /** Applies a JSON Merge Patch (RFC 7386): objects merge, null deletes, the rest replaces. */
  public static JsonNode mergePatch(@Nullable JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  /** Applies a strategic merge patch to a built-in object. */
  public static ObjectNode strategicMergePatch(ObjectNode target, JsonNode patch) {
    if (!patch.isObject()) {
      throw ApiError.badRequest("json: cannot unmarshal non-object into a strategic merge patch");
    }
    JsonNode result = strategicMap(target, (ObjectNode) patch);
    return result instanceof ObjectNode ? (ObjectNode) result : Json.object();
  }

  private static @Nullable JsonNode strategicMap(@Nullable JsonNode target, ObjectNode patch) {
    String directive = Json.text(patch, "$patch");
    if ("delete".equals(directive)) {
      return null;
    }
    ObjectNode result =
        target instanceof ObjectNode && !"replace".equals(directive)
            ? ((ObjectNode) target).deepCopy()
            : Json.object();
    JsonNode retainKeys = patch.get("$retainKeys");
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String field = e.getKey();
      JsonNode value = e.getValue();
      if (field.equals("$patch") || field.equals("$retainKeys")) {
        continue;
      }
      if (field.startsWith("$setElementOrder/")) {
        continue;
      }
      if (field.startsWith("$deleteFromPrimitiveList/")) {
        String list = field.substring("$deleteFromPrimitiveList/".length());
        JsonNode current = result.get(list);
        if (current instanceof ArrayNode) {
          ArrayNode kept = result.putArray(list);
          for (JsonNode item : current) {
            if (!contains(value, item)) {
              kept.add(item);
            }
          }
        }
        continue;
      }
      if (value.isNull()) {
        result.remove(field);
      } else if (value.isObject()) {
        JsonNode merged = strategicMap(result.get(field), (ObjectNode) value);
        if (merged == null) {
          result.remove(field);
        } else {
          result.set(field, merged);
        }
      } else if (value.isArray()) {
        result.set(field, strategicList(field, result.get(field), (ArrayNode) value));
      } else {
        result.set(field, value.deepCopy());
      }
    }
    if (retainKeys instanceof ArrayNode) {
      result.retain(texts(retainKeys));
    }
    return result;
  }

  private static JsonNode strategicList(String field, @Nullable JsonNode target, ArrayNode patch) {
    for (JsonNode item : patch) {
      if (item.isObject() && "replace".equals(Json.text(item, "$patch"))) {
        ArrayNode replaced = Json.object().arrayNode();
        for (JsonNode other : patch) {
          if (other != item) {
            replaced.add(other.deepCopy());
          }
        }
        return replaced;
      }
    }
    ArrayNode current = target instanceof ArrayNode ? ((ArrayNode) target).deepCopy() : null;
    if (field.equals("finalizers")) {
      ArrayNode result = current == null ? Json.object().arrayNode() : current;
      for (JsonNode item : patch) {
        if (!contains(result, item)) {
          result.add(item.deepCopy());
        }
      }
      return result;
    }
    String mergeKey = mergeKey(field, patch, current);
    if (mergeKey == null || current == null) {
      ArrayNode result = Json.object().arrayNode();
      for (JsonNode item : patch) {
        if (!(item.isObject() && "delete".equals(Json.text(item, "$patch")))) {
          result.add(mergeKey == null ? item.deepCopy() : strip(item));
        }
      }
      return result;
    }
    for (JsonNode item : patch) {
      if (!item.isObject()) {
        continue;
      }
      JsonNode keyValue = item.get(mergeKey);
      int index = -1;
      for (int i = 0; i < current.size(); i++) {
        if (keyValue != null && keyValue.equals(current.get(i).get(mergeKey))) {
          index = i;
          break;
        }
      }
      if ("delete".equals(Json.text(item, "$patch"))) {
        if (index >= 0) {
          current.remove(index);
        }
      } else if (index >= 0) {
        JsonNode merged = strategicMap(current.get(index), (ObjectNode) item);
        current.set(index, merged == null ? Json.object() : merged);
      } else {
        current.add(strip(item));
      }
    }
    return current;
  }

  private static JsonNode strip(JsonNode item) {
    if (item instanceof ObjectNode) {
      JsonNode merged = strategicMap(null, (ObjectNode) item);
      return merged == null ? Json.object() : merged;
    }
    return item.deepCopy();
  }

  private static @Nullable String mergeKey(
      String field, ArrayNode patch, @Nullable ArrayNode current) {
    JsonNode sample =
        patch.size() > 0
            ? patch.get(0)
            : current != null && current.size() > 0 ? current.get(0) : null;
    return sample == null || !sample.isObject() ? null : mergeKeyFor(field, sample);
  }

  /** The merge key of list {@code field} whose items look like {@code sample}, or null. */
  static @Nullable String mergeKeyFor(String field, JsonNode sample) {
    if (field.equals("ports")) {
      return sample.has("containerPort") ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode n : array) {
      if (n.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }
}
