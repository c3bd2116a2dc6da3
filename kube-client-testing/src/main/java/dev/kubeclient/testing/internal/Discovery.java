package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The discovery documents: {@code /version}, {@code /api}, {@code /apis}, per-group and per-version
 * resource lists, and the aggregated form ({@code apidiscovery.k8s.io/v2}, and {@code v2beta1},
 * which the API server still serves) that kubectl and client-go ask for first. They are computed
 * from the registry on each request, so CRDs show up as soon as they are defined.
 *
 * <p>The server reports the Kubernetes version of the OpenAPI spec the models and the built-in
 * resource catalog were generated from ({@link #KUBERNETES_MINOR}), and groups come in the order
 * the API server's aggregator gives them (its group priorities, highest first; CRD groups last).
 */
public final class Discovery {
  /** The media type of aggregated discovery. */
  public static final String AGGREGATED_V2 =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  /** The beta media type of aggregated discovery. */
  public static final String AGGREGATED_V2_BETA1 =
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

  /** The Kubernetes minor version (of major 1) whose API this server serves. */
  public static final int KUBERNETES_MINOR = 36;

  /**
   * The aggregator's group priorities of kube-apiserver's built-in groups ({@code
   * DefaultGenericAPIServicePriorities} and kube-apiserver's additions); custom resource groups get
   * 1000. Higher comes first; ties go by name.
   */
  private static final Map<String, Integer> GROUP_PRIORITY =
      Map.ofEntries(
          Map.entry("apiregistration.k8s.io", 18000),
          Map.entry("apps", 17800),
          Map.entry("events.k8s.io", 17750),
          Map.entry("authentication.k8s.io", 17700),
          Map.entry("authorization.k8s.io", 17600),
          Map.entry("autoscaling", 17500),
          Map.entry("batch", 17400),
          Map.entry("certificates.k8s.io", 17300),
          Map.entry("networking.k8s.io", 17200),
          Map.entry("policy", 17100),
          Map.entry("rbac.authorization.k8s.io", 17000),
          Map.entry("storage.k8s.io", 16800),
          Map.entry("admissionregistration.k8s.io", 16700),
          Map.entry("apiextensions.k8s.io", 16700),
          Map.entry("scheduling.k8s.io", 16600),
          Map.entry("coordination.k8s.io", 16500),
          Map.entry("node.k8s.io", 16300),
          Map.entry("discovery.k8s.io", 16200),
          Map.entry("flowcontrol.apiserver.k8s.io", 16100),
          Map.entry("internal.apiserver.k8s.io", 16000),
          Map.entry("resource.k8s.io", 15900),
          Map.entry("storagemigration.k8s.io", 15800));

  private static final int CUSTOM_GROUP_PRIORITY = 1000;

  private final ResourceRegistry registry;
  private final String serverAddress;

  /** Creates discovery over {@code registry}; {@code serverAddress} is host:port. */
  public Discovery(ResourceRegistry registry, String serverAddress) {
    this.registry = registry;
    this.serverAddress = serverAddress;
  }

  /**
   * The aggregated discovery media type the Accept header asks for, or the empty string when the
   * client wants the legacy documents. Clauses are taken by their {@code q} (then in header order),
   * as the API server's negotiation does: the first that names aggregated discovery in JSON, or
   * plain JSON (or a wildcard), decides; protobuf clauses are passed over, since only JSON is
   * spoken here.
   */
  public static String aggregatedType(@Nullable String accept) {
    if (accept == null || accept.isBlank()) {
      return "";
    }
    List<Clause> clauses = new ArrayList<>();
    String[] parts = accept.split(",");
    for (int i = 0; i < parts.length; i++) {
      clauses.add(Clause.parse(parts[i], i));
    }
    clauses.sort(Comparator.comparingDouble((Clause c) -> -c.q).thenComparingInt(c -> c.order));
    for (Clause c : clauses) {
      if (c.q <= 0) {
        continue;
      }
      boolean json = c.type.equals("application/json");
      if (json && "apidiscovery.k8s.io".equals(c.g) && "APIGroupDiscoveryList".equals(c.as)) {
        if ("v2".equals(c.v)) {
          return AGGREGATED_V2;
        }
        if ("v2beta1".equals(c.v)) {
          return AGGREGATED_V2_BETA1;
        }
        continue;
      }
      if (c.as == null && (json || c.type.equals("*/*") || c.type.equals("application/*"))) {
        return "";
      }
    }
    return "";
  }

  /** One clause of an Accept header. */
  private record Clause(
      String type,
      @Nullable String g,
      @Nullable String v,
      @Nullable String as,
      double q,
      int order) {
    static Clause parse(String text, int order) {
      String[] params = text.split(";");
      String g = null;
      String v = null;
      String as = null;
      double q = 1;
      for (int i = 1; i < params.length; i++) {
        String p = params[i].strip();
        int eq = p.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = p.substring(eq + 1).strip();
        switch (key) {
          case "g" -> g = value;
          case "v" -> v = value;
          case "as" -> as = value;
          case "q" -> q = parseQ(value);
          default -> {
            // profile=nopeer and others do not change what is served here.
          }
        }
      }
      return new Clause(params[0].strip().toLowerCase(Locale.ROOT), g, v, as, q, order);
    }

    private static double parseQ(String value) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /**
   * Serves {@code /api} ({@code core}) or {@code /apis}: aggregated when the Accept header asks for
   * it, the legacy APIVersions or APIGroupList otherwise, varying by Accept as the API server does.
   */
  public void serveRoot(HttpExchange exchange, boolean core) throws IOException {
    String aggregated = aggregatedType(exchange.getRequestHeaders().getFirst("Accept"));
    exchange.getResponseHeaders().set("Vary", "Accept");
    if (aggregated.isEmpty()) {
      Exchanges.sendJson(exchange, 200, core ? coreVersions() : groupList());
    } else {
      Exchanges.send(exchange, 200, aggregated, Json.bytes(aggregated(core, aggregated)));
    }
  }

  /**
   * {@code /version}: the version.Info of a Kubernetes 1.{@value #KUBERNETES_MINOR}.0 API server,
   * with the emulation and minimum compatibility versions such a server reports.
   */
  public ObjectNode version() {
    ObjectNode v = Json.object();
    v.put("major", "1");
    v.put("minor", Integer.toString(KUBERNETES_MINOR));
    v.put("emulationMajor", "1");
    v.put("emulationMinor", Integer.toString(KUBERNETES_MINOR));
    v.put("minCompatibilityMajor", "1");
    v.put("minCompatibilityMinor", Integer.toString(KUBERNETES_MINOR - 1));
    v.put("gitVersion", "v1." + KUBERNETES_MINOR + ".0");
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    // Build fields are placeholders: no real binary stands behind them.
    v.put("buildDate", "2026-04-22T00:00:00Z");
    v.put("goVersion", "go1.26.2");
    v.put("compiler", "gc");
    v.put("platform", platform());
    return v;
  }

  /** The JVM's platform in Go's os/arch words, as the API server reports its own. */
  private static String platform() {
    String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    String goOs = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    String goArch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    return goOs + "/" + goArch;
  }

  /** {@code /api}: APIVersions. */
  public ObjectNode coreVersions() {
    ObjectNode o = Json.object();
    o.put("kind", "APIVersions");
    o.putArray("versions").add("v1");
    ObjectNode address = o.putArray("serverAddressByClientCIDRs").addObject();
    address.put("clientCIDR", "0.0.0.0/0");
    address.put("serverAddress", serverAddress);
    return o;
  }

  /** {@code /apis}: APIGroupList of the named groups. */
  public ObjectNode groupList() {
    ObjectNode o = Json.object();
    o.put("kind", "APIGroupList");
    o.put("apiVersion", "v1");
    ArrayNode groups = o.putArray("groups");
    for (Map.Entry<String, List<String>> e : orderedGroups(false)) {
      groups.add(group(e.getKey(), e.getValue(), false));
    }
    return o;
  }

  /** {@code /apis/{group}}: APIGroup; 404 when no version of the group is served. */
  public ObjectNode group(String group) {
    List<String> versions = registry.groups().get(group);
    if (group.isEmpty() || versions == null || versions.isEmpty()) {
      throw ApiError.pathNotFound();
    }
    return group(group, versions, true);
  }

  /** The served groups with their versions (preferred first), in the aggregator's order. */
  private List<Map.Entry<String, List<String>>> orderedGroups(boolean core) {
    List<Map.Entry<String, List<String>>> groups = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : registry.groups().entrySet()) {
      if (e.getKey().isEmpty() == core && !e.getValue().isEmpty()) {
        groups.add(e);
      }
    }
    groups.sort(
        Comparator.comparingInt(
                (Map.Entry<String, List<String>> e) ->
                    -GROUP_PRIORITY.getOrDefault(e.getKey(), CUSTOM_GROUP_PRIORITY))
            .thenComparing(Map.Entry::getKey));
    return groups;
  }

  private static ObjectNode group(String name, List<String> versions, boolean withKind) {
    ObjectNode g = Json.object();
    if (withKind) {
      g.put("kind", "APIGroup");
      g.put("apiVersion", "v1");
    }
    g.put("name", name);
    ArrayNode array = g.putArray("versions");
    for (String v : versions) {
      ObjectNode gv = array.addObject();
      gv.put("groupVersion", name + "/" + v);
      gv.put("version", v);
    }
    ObjectNode preferred = g.putObject("preferredVersion");
    preferred.put("groupVersion", name + "/" + versions.get(0));
    preferred.put("version", versions.get(0));
    return g;
  }

  /** {@code /api/v1} or {@code /apis/{group}/{version}}: APIResourceList. */
  public ObjectNode resourceList(String group, String version) {
    List<ResourceType> types = registry.resources(group, version);
    if (types.isEmpty()) {
      throw ApiError.pathNotFound();
    }
    ObjectNode o = Json.object();
    o.put("kind", "APIResourceList");
    o.put("apiVersion", "v1");
    o.put("groupVersion", types.get(0).apiVersion());
    ArrayNode resources = o.putArray("resources");
    for (ResourceType t : types) {
      ObjectNode r = resources.addObject();
      r.put("name", t.plural());
      r.put("singularName", t.singular());
      r.put("namespaced", t.namespaced());
      r.put("kind", t.kind());
      strings(r.putArray("verbs"), t.verbs());
      if (!t.shortNames().isEmpty()) {
        strings(r.putArray("shortNames"), t.shortNames());
      }
      if (!t.categories().isEmpty()) {
        strings(r.putArray("categories"), t.categories());
      }
      for (String sub : t.subresources().stream().sorted().toList()) {
        ObjectNode s = resources.addObject();
        s.put("name", t.plural() + "/" + sub);
        s.put("singularName", "");
        s.put("namespaced", t.namespaced());
        if ("scale".equals(sub)) {
          s.put("group", "autoscaling");
          s.put("version", "v1");
        }
        s.put("kind", "scale".equals(sub) ? "Scale" : t.kind());
        strings(s.putArray("verbs"), List.of("get", "patch", "update"));
      }
    }
    return o;
  }

  /**
   * Aggregated discovery ({@code APIGroupDiscoveryList}) of the core group ({@code core}) or the
   * named groups, in the shape of {@code apidiscovery.k8s.io/v2} (which v2beta1 shares): zero
   * timestamps omitted, every version {@code Current}.
   */
  public ObjectNode aggregated(boolean core, String mediaType) {
    ObjectNode o = Json.object();
    o.put("kind", "APIGroupDiscoveryList");
    o.put(
        "apiVersion",
        mediaType.equals(AGGREGATED_V2) ? "apidiscovery.k8s.io/v2" : "apidiscovery.k8s.io/v2beta1");
    o.putObject("metadata");
    ArrayNode items = o.putArray("items");
    for (Map.Entry<String, List<String>> e : orderedGroups(core)) {
      ObjectNode item = items.addObject();
      ObjectNode metadata = item.putObject("metadata");
      if (!core) {
        metadata.put("name", e.getKey());
      }
      ArrayNode versions = item.putArray("versions");
      for (String v : e.getValue()) {
        ObjectNode version = versions.addObject();
        version.put("version", v);
        ArrayNode resources = version.putArray("resources");
        for (ResourceType t : registry.resources(e.getKey(), v)) {
          resources.add(aggregatedResource(t));
        }
        version.put("freshness", "Current");
      }
    }
    return o;
  }

  private static ObjectNode aggregatedResource(ResourceType t) {
    ObjectNode r = Json.object();
    r.put("resource", t.plural());
    ObjectNode kind = r.putObject("responseKind");
    kind.put("group", t.group());
    kind.put("version", t.version());
    kind.put("kind", t.kind());
    r.put("scope", t.namespaced() ? "Namespaced" : "Cluster");
    r.put("singularResource", t.singular());
    strings(r.putArray("verbs"), t.verbs());
    if (!t.shortNames().isEmpty()) {
      strings(r.putArray("shortNames"), t.shortNames());
    }
    if (!t.categories().isEmpty()) {
      strings(r.putArray("categories"), t.categories());
    }
    if (!t.subresources().isEmpty()) {
      ArrayNode subs = r.putArray("subresources");
      for (String sub : t.subresources().stream().sorted().toList()) {
        ObjectNode s = subs.addObject();
        s.put("subresource", sub);
        ObjectNode sk = s.putObject("responseKind");
        boolean scale = "scale".equals(sub);
        sk.put("group", scale ? "autoscaling" : t.group());
        sk.put("version", scale ? "v1" : t.version());
        sk.put("kind", scale ? "Scale" : t.kind());
        strings(s.putArray("verbs"), List.of("get", "patch", "update"));
      }
    }
    return r;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
