package dev.kubeclient.typed;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.codec.Codec;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Extracts from a live object the fields one field manager owns, as client-go's generated {@code
 * ExtractXxx} functions do, so that read-modify-apply claims only those fields:
 *
 * <pre>{@code
 * Deployment mine = ManagedFields.extract(live, "my-controller");
 * mine.getSpec().setReplicas(5);
 * deployments.apply(mine, ApplyOptions.fieldManager("my-controller"));
 * }</pre>
 *
 * <p>Ownership comes from the object's {@code metadata.managedFields} entry of that manager with
 * operation {@code Apply} on the main resource (or on {@code status} for {@link #extractStatus}).
 * The result always carries apiVersion, kind, name and namespace. Stateless and thread-safe.
 */
public final class ManagedFields {
  private ManagedFields() {}

  /** The fields of {@code live} that {@code fieldManager} applied, as a new object. */
  public static <T extends KubernetesObject> T extract(T live, String fieldManager) {
    return extract(live, fieldManager, "");
  }

  /** The status fields of {@code live} that {@code fieldManager} applied, as a new object. */
  public static <T extends KubernetesObject> T extractStatus(T live, String fieldManager) {
    return extract(live, fieldManager, "status");
  }

  private static <T extends KubernetesObject> T extract(
      T live, String fieldManager, String subresource) {
    checkNotNull(live, "live");
    checkNotNull(fieldManager, "fieldManager");
    ObjectMapper mapper = Codec.json();
    ObjectNode tree = mapper.valueToTree(live);
    JsonNode owned = ownedFields(tree, fieldManager, subresource);
    ObjectNode result =
        owned == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) pick(tree, owned);
    copyIdentity(tree, result);
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) live.getClass();
    try {
      return mapper.treeToValue(result, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot rebuild " + type.getSimpleName() + " from the fields of " + fieldManager, e);
    }
  }

  private static @Nullable JsonNode ownedFields(
      ObjectNode tree, String fieldManager, String subresource) {
    for (JsonNode entry : tree.path("metadata").path("managedFields")) {
      if (fieldManager.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText())
          && subresource.equals(entry.path("subresource").asText(""))) {
        return entry.get("fieldsV1");
      }
    }
    return null;
  }

  /**
   * Walks the FieldsV1 set ({@code f:}, {@code k:}, {@code v:}, {@code i:} keys) over {@code
   * value}.
   */
  private static JsonNode pick(JsonNode value, JsonNode fields) {
    if (fields.size() == 0 || (fields.size() == 1 && fields.has("."))) {
      return value.deepCopy();
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> f : fields.properties()) {
        if (f.getKey().startsWith("f:")) {
          String name = f.getKey().substring(2);
          JsonNode child = value.get(name);
          if (child != null) {
            out.set(name, pick(child, f.getValue()));
          }
        }
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (Map.Entry<String, JsonNode> f : fields.properties()) {
        JsonNode element = element((ArrayNode) value, f.getKey());
        if (element != null) {
          out.add(pick(element, f.getValue()));
        }
      }
      return out;
    }
    return value.deepCopy();
  }

  private static @Nullable JsonNode element(ArrayNode array, String key) {
    try {
      if (key.startsWith("k:")) {
        JsonNode wanted = Codec.json().readTree(key.substring(2));
        for (JsonNode e : array) {
          if (matchesKey(e, wanted)) {
            return e;
          }
        }
      } else if (key.startsWith("v:")) {
        JsonNode wanted = Codec.json().readTree(key.substring(2));
        for (JsonNode e : array) {
          if (e.equals(wanted)) {
            return e;
          }
        }
      } else if (key.startsWith("i:")) {
        int i = Integer.parseInt(key.substring(2));
        return i >= 0 && i < array.size() ? array.get(i) : null;
      }
    } catch (JsonProcessingException | NumberFormatException e) {
      throw new IllegalArgumentException("malformed managedFields key '" + key + "'", e);
    }
    return null;
  }

  private static boolean matchesKey(JsonNode element, JsonNode wanted) {
    for (Map.Entry<String, JsonNode> k : wanted.properties()) {
      JsonNode v = element.get(k.getKey());
      if (v == null || !v.asText().equals(k.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  private static void copyIdentity(ObjectNode from, ObjectNode to) {
    for (String f : new String[] {"apiVersion", "kind"}) {
      if (from.has(f)) {
        to.set(f, from.get(f));
      }
    }
    JsonNode meta = from.path("metadata");
    ObjectNode toMeta =
        to.has("metadata") ? (ObjectNode) to.get("metadata") : to.putObject("metadata");
    for (String f : new String[] {"name", "namespace"}) {
      if (meta.has(f)) {
        toMeta.set(f, meta.get(f));
      }
    }
  }
}
