package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI v2 paths of served resources, built the way the API server's endpoint installer
 * documents them: a collection path (list, create, deletecollection), an item path (read, replace,
 * patch, delete), the status and scale subresources, and the all-namespaces list of namespaced
 * resources; each operation with its operationId, tag, {@code x-kubernetes-action}, {@code
 * x-kubernetes-group-version-kind} and the query parameters the spec documents for its action.
 * Watch paths are left out. Stateless.
 */
final class OpenApiPaths {
  private static final String DEFINITIONS = "#/definitions/";
  private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  private static final List<String> PRODUCES =
      List.of(
          "application/json",
          "application/yaml",
          "application/vnd.kubernetes.protobuf",
          "application/cbor");
  private static final List<String> PRODUCES_CRD = List.of("application/json", "application/yaml");
  private static final List<String> WATCH_PRODUCES =
      List.of(
          "application/json;stream=watch",
          "application/vnd.kubernetes.protobuf;stream=watch",
          "application/cbor-seq");

  private OpenApiPaths() {}

  /** The definition names of one resource's kind and list kind. */
  record Models(String kind, String list) {}

  /** Adds the paths of {@code type}, whose kind and list are the definitions {@code models}. */
  static void add(ObjectNode paths, ResourceType type, Models models) {
    String prefix =
        type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.apiVersion();
    String root = prefix + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
    String item = root + "/{name}";
    Op op = new Op(type, models);
    ObjectNode collection = paths.putObject(root);
    if (type.supports("list")) {
      collection.set("get", op.operation("list", "", models.list()));
    }
    if (type.supports("create")) {
      collection.set("post", op.operation("post", "", models.kind()));
    }
    if (type.supports("deletecollection")) {
      collection.set("delete", op.operation("deletecollection", "", META + "Status"));
    }
    pathParameters(collection, type, false);
    ObjectNode one = paths.putObject(item);
    if (type.supports("get")) {
      one.set("get", op.operation("get", "", models.kind()));
    }
    if (type.supports("update")) {
      one.set("put", op.operation("put", "", models.kind()));
    }
    if (type.supports("patch")) {
      one.set("patch", op.operation("patch", "", models.kind()));
    }
    if (type.supports("delete")) {
      boolean returnsObject =
          !type.builtin() || type.plural().equals("pods") || type.plural().equals("namespaces");
      one.set(
          "delete", op.operation("delete", "", returnsObject ? models.kind() : META + "Status"));
    }
    pathParameters(one, type, true);
    for (String sub : type.subresources().stream().sorted().toList()) {
      String model = sub.equals("scale") ? "io.k8s.api.autoscaling.v1.Scale" : models.kind();
      ObjectNode path = paths.putObject(item + "/" + sub);
      path.set("get", op.operation("get", sub, model));
      path.set("put", op.operation("put", sub, model));
      path.set("patch", op.operation("patch", sub, model));
      pathParameters(path, type, true);
    }
    if (type.namespaced() && type.supports("list")) {
      ObjectNode all = paths.putObject(prefix + "/" + type.plural());
      all.set(
          "get",
          op.operation("list", "", models.list()).put("operationId", op.id("list", "", true)));
      all.putArray("parameters").add(pretty());
    }
  }

  private static void pathParameters(ObjectNode path, ResourceType type, boolean named) {
    ArrayNode params = path.putArray("parameters");
    if (named) {
      params.add(pathParameter("name", "name of the " + type.kind()));
    }
    if (type.namespaced()) {
      params.add(
          pathParameter("namespace", "object name and auth scope, such as for teams and projects"));
    }
    params.add(pretty());
  }

  private static ObjectNode pathParameter(String name, String description) {
    ObjectNode p = Json.object();
    p.put("description", description);
    p.put("in", "path");
    p.put("name", name);
    p.put("required", true);
    p.put("type", "string");
    p.put("uniqueItems", true);
    return p;
  }

  private static JsonNode pretty() {
    for (JsonNode p : BuiltinSchemas.get().parameters("get")) {
      if (p.path("name").asText().equals("pretty")) {
        return p;
      }
    }
    return Json.object();
  }

  /** The operations of one resource. */
  private record Op(ResourceType type, Models models) {
    String id(String action, String sub, boolean allNamespaces) {
      String verb =
          switch (action) {
            case "get" -> "read";
            case "put" -> "replace";
            case "post" -> "create";
            case "deletecollection" -> "delete";
            default -> action;
          };
      String scope = type.namespaced() && !allNamespaces ? "Namespaced" : "";
      return verb
          + groupName(type.group(), true)
          + capitalize(type.version())
          + (action.equals("deletecollection") ? "Collection" : "")
          + scope
          + type.kind()
          + capitalize(sub)
          + (allNamespaces ? "ForAllNamespaces" : "");
    }

    ObjectNode operation(String action, String sub, String model) {
      ObjectNode o = Json.object();
      ArrayNode consumes = o.putArray("consumes");
      if (action.equals("patch")) {
        consumes.add("application/json-patch+json").add("application/merge-patch+json");
        if (type.builtin()) {
          consumes.add("application/strategic-merge-patch+json");
        }
        consumes.add("application/apply-patch+yaml");
      } else {
        consumes.add("*/*");
      }
      o.put("description", description(action, sub));
      o.put("operationId", id(action, sub, false));
      ArrayNode parameters = o.putArray("parameters");
      String body =
          switch (action) {
            case "post", "put" -> model;
            case "patch" -> META + "Patch";
            case "delete", "deletecollection" -> META + "DeleteOptions";
            default -> null;
          };
      if (body != null) {
        ObjectNode b = parameters.addObject();
        b.put("in", "body");
        b.put("name", "body");
        b.put("required", !action.startsWith("delete"));
        b.putObject("schema").put("$ref", DEFINITIONS + body);
      }
      for (JsonNode p : BuiltinSchemas.get().parameters(action)) {
        if (!p.path("name").asText().equals("pretty")) {
          parameters.add(p);
        }
      }
      if (parameters.isEmpty()) {
        o.remove("parameters");
      }
      ArrayNode produces = o.putArray("produces");
      (type.builtin() ? PRODUCES : PRODUCES_CRD).forEach(produces::add);
      if (action.equals("list") && type.builtin()) {
        WATCH_PRODUCES.forEach(produces::add);
      }
      ObjectNode responses = o.putObject("responses");
      response(responses, "200", "OK", model);
      switch (action) {
        case "post" -> {
          response(responses, "201", "Created", model);
          response(responses, "202", "Accepted", model);
        }
        case "put", "patch" -> response(responses, "201", "Created", model);
        case "delete" -> response(responses, "202", "Accepted", model);
        default -> {
          // OK only
        }
      }
      responses.putObject("401").put("description", "Unauthorized");
      o.putArray("schemes").add("https");
      o.putArray("tags").add(groupName(type.group(), false) + "_" + type.version());
      o.put("x-kubernetes-action", action);
      ObjectNode gvk = o.putObject("x-kubernetes-group-version-kind");
      boolean scale = sub.equals("scale");
      gvk.put("group", scale ? "autoscaling" : type.group());
      gvk.put("kind", scale ? "Scale" : type.kind());
      gvk.put("version", scale ? "v1" : type.version());
      return o;
    }

    private String description(String action, String sub) {
      String of = sub.isEmpty() ? "" : " " + sub + " of";
      String kind = type.kind();
      return switch (action) {
        case "list" -> "list or watch objects of kind " + kind;
        case "get" -> "read" + of + " the specified " + kind;
        case "put" -> "replace" + of + " the specified " + kind;
        case "patch" -> "partially update" + of + " the specified " + kind;
        case "post" -> "create " + article(kind) + kind;
        case "delete" -> "delete " + article(kind) + kind;
        default -> "delete collection of " + kind;
      };
    }
  }

  private static void response(ObjectNode responses, String code, String text, String model) {
    ObjectNode r = responses.putObject(code);
    r.put("description", text);
    r.putObject("schema").put("$ref", DEFINITIONS + model);
  }

  private static String article(String noun) {
    return !noun.isEmpty() && "AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
  }

  /**
   * The group as operation ids and tags name it: core for the core group, ".k8s.io" dropped and the
   * dotted parts joined in camel case ({@code rbacAuthorization}, {@code exampleCom}).
   */
  static String groupName(String group, boolean upperFirst) {
    String g = group.isEmpty() ? "core" : group.replaceAll("\\.k8s\\.io$", "");
    StringBuilder out = new StringBuilder();
    for (String part : g.split("[.-]")) {
      out.append(out.length() == 0 && !upperFirst ? part : capitalize(part));
    }
    return out.toString();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
