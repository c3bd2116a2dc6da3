package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A minimal OpenAPI v3 description, generated from the registry rather than shipped: per group
 * version one document whose PATCH operations carry {@code x-kubernetes-group-version-kind} and the
 * {@code fieldValidation} query parameter. That is what kubectl inspects to decide that the server
 * validates fields itself ({@code --validate=strict}, its default), so it neither needs nor
 * downloads schemas. The documents hold no type schemas: {@code kubectl explain} does not work, and
 * kubectl computes client-side apply patches from its compiled-in types.
 */
public final class OpenApi {
  private final ResourceRegistry registry;

  /** Creates the documents over {@code registry}. */
  public OpenApi(ResourceRegistry registry) {
    this.registry = registry;
  }

  /** {@code /openapi/v3}: the index of group-version documents. */
  public ObjectNode root() {
    ObjectNode root = Json.object();
    ObjectNode paths = root.putObject("paths");
    for (Map.Entry<String, List<String>> group : registry.groups().entrySet()) {
      for (String version : group.getValue()) {
        String path =
            group.getKey().isEmpty() ? "api/" + version : "apis/" + group.getKey() + "/" + version;
        paths
            .putObject(path)
            .put(
                "serverRelativeURL",
                "/openapi/v3/" + path + "?hash=" + hash(group.getKey(), version));
      }
    }
    return root;
  }

  private String hash(String group, String version) {
    StringBuilder names = new StringBuilder();
    for (ResourceType t : registry.resources(group, version)) {
      names.append(t.plural()).append(t.kind()).append(t.namespaced());
    }
    return Integer.toHexString(names.toString().hashCode());
  }

  /** {@code /openapi/v3/api/v1} or {@code /openapi/v3/apis/{group}/{version}}. */
  public ObjectNode groupVersion(String group, String version) {
    List<ResourceType> types = registry.resources(group, version);
    if (types.isEmpty()) {
      throw ApiError.pathNotFound();
    }
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", "v1.32.0");
    ObjectNode paths = doc.putObject("paths");
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    for (ResourceType t : types) {
      String path =
          prefix + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.plural() + "/{name}";
      ObjectNode patch = paths.putObject(path).putObject("patch");
      patch.put("operationId", "patch" + t.kind());
      ObjectNode gvk = patch.putObject("x-kubernetes-group-version-kind");
      gvk.put("group", t.group());
      gvk.put("version", t.version());
      gvk.put("kind", t.kind());
      ObjectNode param = patch.putArray("parameters").addObject();
      param.put("name", "fieldValidation");
      param.put("in", "query");
      param.putObject("schema").put("type", "string");
      ObjectNode content = patch.putObject("requestBody").putObject("content");
      for (String media :
          List.of(
              "application/json-patch+json",
              "application/merge-patch+json",
              "application/apply-patch+yaml")) {
        content.putObject(media).putObject("schema").put("type", "object");
      }
      patch.putObject("responses").putObject("200").put("description", "OK");
    }
    return doc;
  }
}
