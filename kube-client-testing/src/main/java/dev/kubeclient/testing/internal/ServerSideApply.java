package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * Server-side apply ({@code application/apply-patch+yaml}) as the API server's apply patcher runs
 * it: the configuration goes through {@link FieldManager#apply} (merge per field, associative lists
 * per key, pruning of what the manager stopped applying, conflict detection unless forced) against
 * the live object, or against an empty one when the object does not exist yet, which the apply then
 * creates. The result must keep the name and namespace of the URL.
 */
final class ServerSideApply {
  private final ResourceOperations operations;

  ServerSideApply(ResourceOperations operations) {
    this.operations = operations;
  }

  /** Parses an apply configuration (YAML or JSON) into an object, 400 as the patcher words it. */
  static ObjectNode parseConfig(byte[] body) {
    JsonNode node;
    try {
      node = Json.YAML.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("error decoding patch: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("error decoding patch: " + e.getMessage());
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Json.object();
    }
    if (!node.isObject()) {
      throw ApiError.badRequest(
          "error decoding patch: json: cannot unmarshal "
              + node.getNodeType().name().toLowerCase(Locale.ROOT)
              + " into Go value of type map[string]interface {}");
    }
    return (ObjectNode) node;
  }

  PatchHandler.Result apply(
      ResourceType type, RequestInfo info, ObjectNode config, String manager, boolean force) {
    String name = String.valueOf(info.name());
    String namespace = info.namespace();
    String subresource = info.subresource();
    boolean status = "status".equals(subresource);
    ObjectStore store = operations.store();
    return store.write(
        () -> {
          StoredObject current =
              store.get(
                  type.storageKey(),
                  StoredObject.key(type.namespaced() ? String.valueOf(namespace) : "", name));
          if (current == null && subresource != null) {
            throw ApiError.notFound(type.group(), type.plural(), name);
          }
          ObjectNode live = current == null ? null : current.tree(type.apiVersion(), type.kind());
          FieldManager.Applied applied =
              operations.fieldManager().apply(type, live, config, manager, force, subresource);
          ObjectNode object = applied.object();
          ObjectNode metadata = Json.child(object, "metadata");
          String uid = Json.text(metadata, "uid");
          if (current == null && uid != null && !uid.isEmpty()) {
            throw ApiError.conflict(
                type,
                name,
                "uid mismatch: the provided object specified uid "
                    + uid
                    + ", and no existing object was found");
          }
          ObjectRules.checkNamespace(type, object, namespace == null ? "" : namespace);
          String objectName = Json.text(metadata, "name");
          if (!name.equals(objectName)) {
            throw ApiError.badRequest(
                "the name of the object ("
                    + (objectName == null ? "" : objectName)
                    + ") does not match the name on the URL ("
                    + name
                    + ")");
          }
          if (current == null) {
            return new PatchHandler.Result(operations.create(type, namespace, object), true);
          }
          JsonNode managedFields = metadata.get("managedFields");
          FieldTracking keep =
              (before, next) -> {
                ObjectNode nextMetadata = Json.child(next, "metadata");
                if (managedFields == null) {
                  nextMetadata.remove("managedFields");
                } else {
                  nextMetadata.set("managedFields", managedFields.deepCopy());
                }
              };
          return new PatchHandler.Result(
              operations.update(type, namespace, name, object, status, keep), false);
        });
  }
}
