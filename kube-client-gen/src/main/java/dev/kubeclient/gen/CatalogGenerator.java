package dev.kubeclient.gen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.gen.clientset.ApiResource;
import dev.kubeclient.gen.clientset.ApiSubresource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the built-in resource catalog from the spec's {@code paths}: each operation carries {@code
 * x-kubernetes-action} and {@code x-kubernetes-group-version-kind}, and the path itself tells the
 * resource, the scope and the subresource. Not thread-safe.
 */
final class CatalogGenerator {
  /** Short names as {@code kubectl api-resources} shows them; the spec does not carry them. */
  private static final Map<String, List<String>> SHORT_NAMES =
      Map.ofEntries(
          Map.entry("/componentstatuses", List.of("cs")),
          Map.entry("/configmaps", List.of("cm")),
          Map.entry("/endpoints", List.of("ep")),
          Map.entry("/events", List.of("ev")),
          Map.entry("/limitranges", List.of("limits")),
          Map.entry("/namespaces", List.of("ns")),
          Map.entry("/nodes", List.of("no")),
          Map.entry("/persistentvolumeclaims", List.of("pvc")),
          Map.entry("/persistentvolumes", List.of("pv")),
          Map.entry("/pods", List.of("po")),
          Map.entry("/replicationcontrollers", List.of("rc")),
          Map.entry("/resourcequotas", List.of("quota")),
          Map.entry("/serviceaccounts", List.of("sa")),
          Map.entry("/services", List.of("svc")),
          Map.entry("apiextensions.k8s.io/customresourcedefinitions", List.of("crd", "crds")),
          Map.entry("apps/daemonsets", List.of("ds")),
          Map.entry("apps/deployments", List.of("deploy")),
          Map.entry("apps/replicasets", List.of("rs")),
          Map.entry("apps/statefulsets", List.of("sts")),
          Map.entry("autoscaling/horizontalpodautoscalers", List.of("hpa")),
          Map.entry("batch/cronjobs", List.of("cj")),
          Map.entry("certificates.k8s.io/certificatesigningrequests", List.of("csr")),
          Map.entry("events.k8s.io/events", List.of("ev")),
          Map.entry("networking.k8s.io/ingresses", List.of("ing")),
          Map.entry("networking.k8s.io/networkpolicies", List.of("netpol")),
          Map.entry("networking.k8s.io/ipaddresses", List.of("ip")),
          Map.entry("policy/poddisruptionbudgets", List.of("pdb")),
          Map.entry("scheduling.k8s.io/priorityclasses", List.of("pc")),
          Map.entry("storage.k8s.io/storageclasses", List.of("sc")),
          Map.entry("storage.k8s.io/volumeattributesclasses", List.of("vac")));

  /** Categories as discovery reports them; {@code all} is what {@code kubectl get all} shows. */
  private static final Map<String, List<String>> CATEGORIES =
      Map.ofEntries(
          Map.entry("/pods", List.of("all")),
          Map.entry("/replicationcontrollers", List.of("all")),
          Map.entry("/services", List.of("all")),
          Map.entry("apps/daemonsets", List.of("all")),
          Map.entry("apps/deployments", List.of("all")),
          Map.entry("apps/replicasets", List.of("all")),
          Map.entry("apps/statefulsets", List.of("all")),
          Map.entry("autoscaling/horizontalpodautoscalers", List.of("all")),
          Map.entry("batch/cronjobs", List.of("all")),
          Map.entry("batch/jobs", List.of("all")),
          Map.entry("apiextensions.k8s.io/customresourcedefinitions", List.of("api-extensions")),
          Map.entry("apiregistration.k8s.io/apiservices", List.of("api-extensions")),
          Map.entry(
              "admissionregistration.k8s.io/mutatingwebhookconfigurations",
              List.of("api-extensions")),
          Map.entry(
              "admissionregistration.k8s.io/validatingwebhookconfigurations",
              List.of("api-extensions")),
          Map.entry(
              "admissionregistration.k8s.io/validatingadmissionpolicies",
              List.of("api-extensions")),
          Map.entry(
              "admissionregistration.k8s.io/validatingadmissionpolicybindings",
              List.of("api-extensions")),
          Map.entry(
              "admissionregistration.k8s.io/mutatingadmissionpolicies", List.of("api-extensions")),
          Map.entry(
              "admissionregistration.k8s.io/mutatingadmissionpolicybindings",
              List.of("api-extensions")));

  /** A resource being collected; keyed by group/version/resource. */
  private static final class Resource {
    String group = "";
    String version = "";
    String name = "";
    String kind = "";
    boolean namespaced;
    final TreeSet<String> verbs = new TreeSet<>();
    final TreeMap<String, Sub> subresources = new TreeMap<>();
  }

  private static final class Sub {
    String group = "";
    String version = "";
    String kind = "";
    final TreeSet<String> verbs = new TreeSet<>();
  }

  private final TreeMap<String, Resource> resources = new TreeMap<>();

  void collect(JsonNode paths) {
    paths
        .properties()
        .forEach(
            e -> {
              for (Map.Entry<String, JsonNode> op : e.getValue().properties()) {
                collectOperation(e.getKey(), op.getKey(), op.getValue());
              }
            });
  }

  private void collectOperation(String path, String method, JsonNode op) {
    JsonNode gvk = op.get("x-kubernetes-group-version-kind");
    JsonNode action = op.get("x-kubernetes-action");
    if (gvk == null || action == null || !op.isObject()) {
      return;
    }
    String[] segments = path.substring(1).split("/");
    int start;
    String group;
    String version;
    if (segments[0].equals("api")) {
      group = "";
      version = segments[1];
      start = 2;
    } else if (segments[0].equals("apis") && segments.length > 3) {
      group = segments[1];
      version = segments[2];
      start = 3;
    } else {
      return;
    }
    List<String> rest = new ArrayList<>(List.of(segments).subList(start, segments.length));
    if (!rest.isEmpty() && rest.get(0).equals("watch")) {
      rest.remove(0);
    }
    boolean namespaced = false;
    if (rest.size() > 2 && rest.get(0).equals("namespaces") && rest.get(1).equals("{namespace}")) {
      namespaced = true;
      rest = rest.subList(2, rest.size());
    }
    if (rest.isEmpty()) {
      return;
    }
    String resourceName = rest.get(0);
    String subresource = rest.size() > 2 && rest.get(1).startsWith("{") ? rest.get(2) : null;
    String verb = verb(method, action.asText());
    if (verb == null) {
      return;
    }
    Resource r =
        resources.computeIfAbsent(
            group + "/" + version + "/" + resourceName,
            k -> {
              Resource n = new Resource();
              n.group = group;
              n.version = version;
              n.name = resourceName;
              return n;
            });
    if (subresource == null) {
      r.namespaced |= namespaced;
      r.kind = gvk.path("kind").asText();
      r.verbs.add(verb);
    } else {
      Sub s = r.subresources.computeIfAbsent(subresource, k -> new Sub());
      s.group = gvk.path("group").asText();
      s.version = gvk.path("version").asText();
      s.kind = gvk.path("kind").asText();
      s.verbs.add(verb);
      r.namespaced |= namespaced;
    }
  }

  /** Discovery's verb for an operation, or null for HEAD/OPTIONS of connect subresources. */
  private static String verb(String method, String action) {
    return switch (action) {
      case "get" -> "get";
      case "list" -> "list";
      case "watch", "watchlist" -> "watch";
      case "post" -> "create";
      case "put" -> "update";
      case "patch" -> "patch";
      case "delete" -> "delete";
      case "deletecollection" -> "deletecollection";
      case "connect" ->
          switch (method) {
            case "get" -> "get";
            case "post" -> "create";
            case "put" -> "update";
            case "patch" -> "patch";
            case "delete" -> "delete";
            default -> null;
          };
      default -> null;
    };
  }

  int size() {
    return resources.size();
  }

  /** The resources collected, for the client generator; subresource-only entries left out. */
  List<ApiResource> apiResources() {
    List<ApiResource> out = new ArrayList<>();
    for (Resource r : resources.values()) {
      if (!r.kind.isEmpty()) {
        Map<String, ApiSubresource> subs = new TreeMap<>();
        r.subresources.forEach(
            (n, s) -> subs.put(n, new ApiSubresource(s.group, s.version, s.verbs)));
        out.add(new ApiResource(r.group, r.version, r.name, r.kind, r.namespaced, r.verbs, subs));
      }
    }
    return out;
  }

  void write(SourceSink sink) throws IOException {
    StringBuilder out = new StringBuilder(SourceSink.HEADER);
    out.append("package dev.kubeclient.core.catalog;\n\n")
        .append("import java.util.List;\n\n")
        .append("/**\n * Every built-in resource of the Kubernetes API this library was generated")
        .append(" from, in group, version and resource order.\n *\n")
        .append(" * <p>Thread-safe: the list is immutable.\n */\n")
        .append("@javax.annotation.processing.Generated(\"dev.kubeclient.gen\")\n")
        .append("public final class BuiltinResources {\n")
        .append("  private BuiltinResources() {}\n\n")
        .append("  /** All built-in resources. */\n")
        .append("  public static final List<ResourceInfo> ALL = List.of(\n");
    List<String> items = new ArrayList<>();
    for (Resource r : resources.values()) {
      if (r.kind.isEmpty()) {
        continue; // only subresources seen: not a resource of its own
      }
      String key = r.group + "/" + r.name;
      StringBuilder item = new StringBuilder("new ResourceInfo(");
      item.append(Names.literal(r.group))
          .append(", ")
          .append(Names.literal(r.version))
          .append(", ")
          .append(Names.literal(r.name))
          .append(", ")
          .append(Names.literal(Names.singular(r.kind)))
          .append(", ")
          .append(Names.literal(r.kind))
          .append(", ")
          .append(r.namespaced)
          .append(", ")
          .append(strings(r.verbs))
          .append(", ")
          .append(strings(SHORT_NAMES.getOrDefault(key, List.of())))
          .append(", ")
          .append(strings(CATEGORIES.getOrDefault(key, List.of())))
          .append(", List.of(");
      List<String> subs = new ArrayList<>();
      r.subresources.forEach(
          (name, s) ->
              subs.add(
                  "new ResourceInfo.Subresource("
                      + String.join(
                          ", ",
                          Names.literal(name),
                          Names.literal(s.group),
                          Names.literal(s.version),
                          Names.literal(s.kind),
                          strings(s.verbs))
                      + ")"));
      item.append(String.join(",\n", subs)).append("))");
      items.add(item.toString());
    }
    out.append(String.join(",\n", items)).append(");\n}\n");
    sink.write("dev.kubeclient.core.catalog", "BuiltinResources", out.toString());
  }

  private static String strings(Iterable<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add(Names.literal(v)));
    return "List.of(" + String.join(", ", quoted) + ")";
  }
}
