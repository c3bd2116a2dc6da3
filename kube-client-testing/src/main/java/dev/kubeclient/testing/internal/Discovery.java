package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents: {@code /version}, {@code /api}, {@code /apis}, per-group and per-version
 * resource lists, and the aggregated form ({@code apidiscovery.k8s.io/v2}) that kubectl asks for
 * first. They are computed from the registry on each request, so CRDs show up as soon as they are
 * defined.
 */
public final class Discovery {
  /** The media type of aggregated discovery. */
  public static final String AGGREGATED_V2 =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private static final String AGGREGATED_V2_BETA1 =
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

  private final ResourceRegistry registry;
  private final String serverAddress;

  /** Creates discovery over {@code registry}; {@code serverAddress} is host:port. */
  public Discovery(ResourceRegistry registry, String serverAddress) {
    this.registry = registry;
    this.serverAddress = serverAddress;
  }

  /**
   * The aggregated discovery media type the Accept header asks for, or the empty string when the
   * client wants the legacy documents.
   */
  public static String aggregatedType(String accept) {
    String compact = accept.replace(" ", "");
    if (compact.contains("v=v2;as=APIGroupDiscoveryList")) {
      return AGGREGATED_V2;
    }
    if (compact.contains("v=v2beta1;as=APIGroupDiscoveryList")) {
      return AGGREGATED_V2_BETA1;
    }
    return "";
  }

  /** {@code /version}: a version.Info of a recent release. */
  public ObjectNode version() {
    ObjectNode v = Json.object();
    v.put("major", "1");
    v.put("minor", "32");
    v.put("gitVersion", "v1.32.0-kubeclient");
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z");
    v.put("goVersion", "go1.23");
    v.put("compiler", "gc");
    v.put("platform", "linux/amd64");
    return v;
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
    for (Map.Entry<String, List<String>> e : registry.groups().entrySet()) {
      if (!e.getKey().isEmpty()) {
        groups.add(group(e.getKey(), e.getValue(), false));
      }
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
        s.put("kind", "scale".equals(sub) ? "Scale" : t.kind());
        if ("scale".equals(sub)) {
          s.put("group", "autoscaling");
          s.put("version", "v1");
        }
        strings(s.putArray("verbs"), List.of("get", "patch", "update"));
      }
    }
    return o;
  }

  /** Aggregated discovery of the core group ({@code core}) or the named groups. */
  public ObjectNode aggregated(boolean core, String mediaType) {
    ObjectNode o = Json.object();
    o.put("kind", "APIGroupDiscoveryList");
    o.put(
        "apiVersion",
        mediaType.equals(AGGREGATED_V2) ? "apidiscovery.k8s.io/v2" : "apidiscovery.k8s.io/v2beta1");
    o.putObject("metadata");
    ArrayNode items = o.putArray("items");
    for (Map.Entry<String, List<String>> e : registry.groups().entrySet()) {
      if (e.getKey().isEmpty() != core || e.getValue().isEmpty()) {
        continue;
      }
      ObjectNode item = items.addObject();
      ObjectNode metadata = item.putObject("metadata");
      if (!core) {
        metadata.put("name", e.getKey());
      }
      metadata.putNull("creationTimestamp");
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
