package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The PATCH verb: picks the patch format from the Content-Type, applies it to the current object
 * and writes the result through {@link ResourceOperations#update} inside one store write, so a
 * patch is atomic and a resourceVersion in the patch acts as a precondition. The write records an
 * {@code Update} managedFields entry of its manager (with the subresource for status and scale).
 * Server-side apply ({@code application/apply-patch+yaml}) is handed to {@link ServerSideApply}.
 */
final class PatchHandler {
  static final String JSON_PATCH = "application/json-patch+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String STRATEGIC = "application/strategic-merge-patch+json";
  static final String APPLY = "application/apply-patch+yaml";

  private final ResourceOperations operations;
  private final ServerSideApply apply;

  PatchHandler(ResourceOperations operations) {
    this.operations = operations;
    this.apply = new ServerSideApply(operations);
  }

  /** The patched object and whether the patch created it (only apply can). */
  record Result(StoredObject object, boolean created) {}

  /** The patch format of {@code contentType}, or 415 when {@code type} does not accept it. */
  static String mediaType(ResourceType type, String contentType) {
    String media = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    List<String> accepted =
        type.builtin()
            ? List.of(JSON_PATCH, MERGE_PATCH, STRATEGIC, APPLY)
            : List.of(JSON_PATCH, MERGE_PATCH, APPLY);
    if (!accepted.contains(media)) {
      throw ApiError.unsupportedMediaType(media, accepted);
    }
    return media;
  }

  /** Applies a patch of format {@code media} (see {@link #mediaType}) by {@code manager}. */
  Result patch(
      ResourceType type,
      RequestInfo info,
      String media,
      byte[] body,
      String manager,
      boolean force) {
    String subresource = info.subresource();
    boolean status = "status".equals(subresource);
    if (media.equals(APPLY)) {
      return apply.apply(type, info, ServerSideApply.parseConfig(body), manager, force);
    }
    JsonNode patch;
    try {
      patch = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiError.badRequest("error decoding patch: " + e.getMessage());
    }
    if (patch == null) {
      throw ApiError.badRequest("error decoding patch: empty body");
    }
    String name = info.name();
    boolean scale = "scale".equals(subresource);
    FieldTracking tracking = operations.updatedBy(type, manager, subresource);
    return operations
        .store()
        .write(
            () -> {
              StoredObject current = operations.get(type, info.namespace(), name);
              ObjectNode live = current.tree(type.apiVersion(), type.kind());
              CustomResourceSchemas.ScalePaths paths = operations.schemas().scalePaths(type);
              ObjectNode tree = scale ? ScaleSubresource.view(live, paths) : live;
              ObjectNode patched =
                  switch (media) {
                    case JSON_PATCH -> Patches.jsonPatch(tree, patch);
                    case STRATEGIC -> Patches.strategicMergePatch(tree, patch);
                    default -> {
                      if (!patch.isObject()) {
                        throw ApiError.badRequest("error decoding patch: not a JSON object");
                      }
                      yield (ObjectNode) Patches.mergePatch(tree, patch);
                    }
                  };
              if (scale) {
                patched = ScaleSubresource.apply(live, patched, paths);
              }
              return new Result(
                  operations.update(type, info.namespace(), name, patched, status, tracking),
                  false);
            });
  }
}
