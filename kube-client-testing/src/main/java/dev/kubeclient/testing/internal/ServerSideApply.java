package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Server-side apply, enough for {@code kubectl apply --server-side} of new and changed objects: the
 * applied configuration is merged into the live object (lists with a merge key by key), each field
 * manager's applied field set is recorded in {@code metadata.managedFields} in the FieldsV1 format,
 * and fields a manager applied before but no longer applies are removed. Setting a field another
 * apply manager owns to a different value is a 409 conflict unless {@code force=true}; a forced
 * apply does not take ownership away from the other manager's record.
 */
final class ServerSideApply {
  private final ResourceOperations operations;

  ServerSideApply(ResourceOperations operations) {
    this.operations = operations;
  }

  PatchHandler.Result apply(
      ResourceType type, RequestInfo info, ObjectNode config, boolean status) {
    String manager = info.param("fieldManager", "");
    String name = info.name();
    if (manager.isEmpty()) {
      throw ApiError.invalid(
          type,
          name == null ? "" : name,
          List.of(Validation.required("fieldManager", "is required for apply patch")));
    }
    if (!config.hasNonNull("apiVersion") || !config.hasNonNull("kind")) {
      throw ApiError.badRequest("Object 'Kind' is missing in '" + config + "'");
    }
    ObjectNode metadata = Json.child(config, "metadata");
    String configName = Json.text(metadata, "name");
    if (configName != null && !configName.equals(name)) {
      throw ApiError.badRequest(
          "the name of the object ("
              + configName
              + ") does not match the name on the URL ("
              + name
              + ")");
    }
    metadata.put("name", name);
    metadata.remove("managedFields");
    ObjectNode applied = fieldSet(config, "", type.builtin());
    return operations
        .store()
        .write(
            () -> {
              StoredObject current =
                  operations
                      .store()
                      .get(
                          type.storageKey(),
                          StoredObject.key(
                              type.namespaced() ? String.valueOf(info.namespace()) : "", name));
              if (current == null) {
                ObjectNode created = config.deepCopy();
                setManagedFields(created, null, manager, type, applied);
                return new PatchHandler.Result(
                    operations.create(type, info.namespace(), created), true);
              }
              ObjectNode live = current.tree(type.apiVersion(), type.kind());
              if (!"true".equals(info.param("force", "false"))) {
                List<ApplyConflicts.Conflict> conflicts =
                    ApplyConflicts.find(live, config, applied, manager);
                if (!conflicts.isEmpty()) {
                  throw ApplyConflicts.error(type, name, conflicts);
                }
              }
              ObjectNode previous = previousFieldSet(live, manager);
              if (previous != null) {
                removeDropped(live, previous, applied);
              }
              ObjectNode merged =
                  type.builtin()
                      ? Patches.strategicMergePatch(live, config)
                      : (ObjectNode) Patches.mergePatch(live, config);
              setManagedFields(merged, live, manager, type, applied);
              Json.child(merged, "metadata")
                  .put("resourceVersion", Long.toString(current.resourceVersion()));
              return new PatchHandler.Result(
                  operations.update(type, info.namespace(), name, merged, status), false);
            });
  }

  private void setManagedFields(
      ObjectNode target,
      @Nullable ObjectNode live,
      String manager,
      ResourceType type,
      ObjectNode applied) {
    ArrayNode entries = Json.object().arrayNode();
    if (live != null) {
      for (JsonNode entry : live.path("metadata").path("managedFields")) {
        if (!(manager.equals(entry.path("manager").asText())
            && "Apply".equals(entry.path("operation").asText()))) {
          entries.add(entry);
        }
      }
    }
    ObjectNode entry = entries.insertObject(0);
    entry.put("manager", manager);
    entry.put("operation", "Apply");
    entry.put("apiVersion", type.apiVersion());
    entry.put("time", operations.now());
    entry.put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", applied);
    Json.child(target, "metadata").set("managedFields", entries);
  }

  private static @Nullable ObjectNode previousFieldSet(ObjectNode live, String manager) {
    for (JsonNode entry : live.path("metadata").path("managedFields")) {
      if (manager.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText())
          && entry.path("fieldsV1").isObject()) {
        return (ObjectNode) entry.path("fieldsV1");
      }
    }
    return null;
  }

  /** The FieldsV1 set of a configuration: {@code f:} for fields, {@code k:} for keyed items. */
  static ObjectNode fieldSet(JsonNode config, String field, boolean keyedLists) {
    ObjectNode set = Json.object();
    if (config.isObject()) {
      for (Map.Entry<String, JsonNode> e : config.properties()) {
        if (field.isEmpty() && (e.getKey().equals("apiVersion") || e.getKey().equals("kind"))) {
          continue;
        }
        set.set("f:" + e.getKey(), fieldSet(e.getValue(), e.getKey(), keyedLists));
      }
    } else if (config.isArray()) {
      String key =
          keyedLists && config.size() > 0 && config.get(0).isObject()
              ? Patches.mergeKeyFor(field, config.get(0))
              : null;
      if (key != null) {
        for (JsonNode item : config) {
          ObjectNode itemSet = fieldSet(item, "", keyedLists);
          itemSet.putObject(".");
          set.set("k:" + keyJson(key, item), itemSet);
        }
      }
    }
    return set;
  }

  private static String keyJson(String key, JsonNode item) {
    ObjectNode k = Json.object();
    k.set(key, item.get(key));
    return k.toString();
  }

  /** Removes from {@code live} what {@code previous} owned and {@code applied} no longer has. */
  private static void removeDropped(JsonNode live, JsonNode previous, JsonNode applied) {
    for (Map.Entry<String, JsonNode> e : previous.properties()) {
      String pathElement = e.getKey();
      JsonNode stillApplied = applied.get(pathElement);
      if (pathElement.startsWith("f:") && live instanceof ObjectNode) {
        String field = pathElement.substring(2);
        if (stillApplied == null) {
          ((ObjectNode) live).remove(field);
        } else if (live.has(field)) {
          removeDropped(live.get(field), e.getValue(), stillApplied);
        }
      } else if (pathElement.startsWith("k:") && live instanceof ArrayNode) {
        JsonNode key =
            Json.parseTrusted(
                pathElement.substring(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ArrayNode array = (ArrayNode) live;
        for (int i = array.size() - 1; i >= 0; i--) {
          JsonNode item = array.get(i);
          if (matchesKey(item, key)) {
            if (stillApplied == null) {
              array.remove(i);
            } else {
              removeDropped(item, e.getValue(), stillApplied);
            }
          }
        }
      }
    }
  }

  private static boolean matchesKey(JsonNode item, JsonNode key) {
    for (Map.Entry<String, JsonNode> e : key.properties()) {
      if (!e.getValue().equals(item.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
