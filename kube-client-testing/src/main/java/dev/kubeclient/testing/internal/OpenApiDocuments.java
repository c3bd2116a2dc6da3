package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code /openapi/v2} and {@code /openapi/v3}, built from the generated built-in definitions
 * ({@link BuiltinSchemas}), the served resources and the stored CustomResourceDefinitions, as
 * kube-openapi's handlers serve them: v2 as JSON or as the gnostic protobuf kubectl asks for (406
 * for anything else); v3 as a discovery document of {@code serverRelativeURL}s carrying each
 * group-version document's SHA-512 hash, a mismatched hash redirected (301) to the current one and
 * a matching one marked immutable. Documents are cached until a CRD of their group-version changes.
 * Thread-safe.
 */
public final class OpenApiDocuments {
  private static final String V2_PROTOBUF = "com.github.proto-openapi.spec.v2.v1.0+protobuf";
  private static final String V2_PROTOBUF_OLD = "com.github.proto-openapi.spec.v2@v1.0+protobuf";

  private final ResourceRegistry registry;
  private final ObjectStore store;

  /** Cached documents by key ("v2", or "v3:" plus the group-version path). */
  private final Map<String, Document> cache = new ConcurrentHashMap<>();

  /**
   * Documents of built-in resources only, by key and fingerprint, shared by every server of the
   * JVM: they depend on nothing but the served built-in types, which the fingerprint names.
   */
  private static final Map<String, Document> SHARED = new ConcurrentHashMap<>();

  /** A serialized document, the fingerprint of the CRDs it was built from, and its hash. */
  private record Document(String fingerprint, byte[] json, String hash) {}

  /** Creates the documents over the served resources and the stored CRDs. */
  public OpenApiDocuments(ResourceRegistry registry, ObjectStore store) {
    this.registry = registry;
    this.store = store;
  }

  /** Serves a request below {@code /openapi/}; 404 for other paths. */
  public void serve(HttpExchange exchange, String path) throws IOException {
    exchange.getResponseHeaders().add("Vary", "Accept");
    if (path.equals("/openapi/v2")) {
      serveV2(exchange);
    } else if (path.equals("/openapi/v3")) {
      send(exchange, "application/json", discovery());
    } else if (path.startsWith("/openapi/v3/")) {
      serveGroupVersion(exchange, path.substring("/openapi/v3/".length()));
    } else {
      throw ApiError.pathNotFound();
    }
  }

  private void serveV2(HttpExchange exchange) throws IOException {
    for (String media : accepted(exchange)) {
      if (matches(media, "application/json")) {
        send(exchange, "application/json", v2());
        return;
      }
      if (matches(media, "application/" + V2_PROTOBUF)
          || matches(media, "application/" + V2_PROTOBUF_OLD)) {
        Document v2 = v2();
        byte[] proto = GnosticV2.encode(Json.MAPPER.readTree(v2.json()));
        send(exchange, "application/" + V2_PROTOBUF, new Document("", proto, v2.hash()));
        return;
      }
    }
    Exchanges.send(exchange, 406, "text/plain", new byte[0]);
  }

  private void serveGroupVersion(HttpExchange exchange, String gvPath) throws IOException {
    Document doc = groupVersion(gvPath);
    if (doc == null) {
      // kube-openapi answers an unknown group-version with an empty 200.
      Exchanges.send(exchange, 200, "text/plain", new byte[0]);
      return;
    }
    for (String media : accepted(exchange)) {
      if (matches(media, "application/json")) {
        List<String> hashes =
            RequestInfo.parseQuery(exchange.getRequestURI().getRawQuery()).get("hash");
        String hash = hashes == null || hashes.isEmpty() ? "" : hashes.get(0);
        if (!hash.isEmpty()) {
          if (!hash.equals(doc.hash())) {
            exchange.getResponseHeaders().set("Location", relativeUrl(gvPath, doc.hash()));
            Exchanges.send(exchange, 301, "text/html; charset=utf-8", new byte[0]);
            return;
          }
          exchange.getResponseHeaders().set("Cache-Control", "public, immutable");
        }
        send(exchange, "application/json", doc);
        return;
      }
    }
    Exchanges.send(exchange, 406, "text/plain", new byte[0]);
  }

  private static void send(HttpExchange exchange, String contentType, Document doc)
      throws IOException {
    String etag = "\"" + doc.hash() + "\"";
    exchange.getResponseHeaders().set("Etag", etag);
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (etag.equals(ifNoneMatch)) {
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", contentType);
    // As the API server's filter sets it before the handler, which may say immutable instead.
    exchange.getResponseHeaders().putIfAbsent("Cache-Control", List.of("no-cache, private"));
    exchange.sendResponseHeaders(200, doc.json().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(doc.json());
    }
  }

  /** The Accept header's media types, highest quality first ({@code *}{@code /*} when absent). */
  private static List<String> accepted(HttpExchange exchange) {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (accept == null || accept.isBlank()) {
      accept = "*/*";
    }
    List<String[]> clauses = new ArrayList<>();
    for (String clause : accept.split(",")) {
      String[] parts = clause.trim().split(";");
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].trim();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (q > 0 && !parts[0].isBlank()) {
        clauses.add(new String[] {parts[0].trim().toLowerCase(Locale.ROOT), Double.toString(q)});
      }
    }
    clauses.sort((a, b) -> Double.compare(Double.parseDouble(b[1]), Double.parseDouble(a[1])));
    List<String> result = new ArrayList<>();
    clauses.forEach(c -> result.add(c[0]));
    return result;
  }

  private static boolean matches(String clause, String media) {
    String[] c = clause.split("/", 2);
    String[] m = media.split("/", 2);
    return c.length == 2
        && (c[0].equals("*") || c[0].equals(m[0]))
        && (c[1].equals("*") || c[1].equals(m[1]));
  }

  private static String relativeUrl(String gvPath, String hash) {
    return "/openapi/v3/" + gvPath + "?hash=" + hash;
  }

  /** The group-version paths ({@code api/v1}, {@code apis/apps/v1}) of every served version. */
  private Map<String, List<ResourceType>> groupVersions() {
    Map<String, List<ResourceType>> result = new TreeMap<>();
    for (ResourceType t : registry.all()) {
      String key = t.group().isEmpty() ? "api/" + t.version() : "apis/" + t.apiVersion();
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }
    return result;
  }

  private Document discovery() {
    ObjectNode root = Json.object();
    ObjectNode paths = root.putObject("paths");
    for (String gv : groupVersions().keySet()) {
      Document doc = groupVersion(gv);
      if (doc != null) {
        paths.putObject(gv).put("serverRelativeURL", relativeUrl(gv, doc.hash()));
      }
    }
    byte[] json = Json.bytes(root);
    return new Document("", json, hash(json));
  }

  /** The fingerprint of the CRDs behind {@code types}: their names and resourceVersions. */
  private String fingerprint(List<ResourceType> types) {
    StringBuilder f = new StringBuilder();
    for (ResourceType t : types) {
      f.append(t.storageKey()).append('@');
      if (!t.builtin()) {
        StoredObject crd = crd(t);
        f.append(crd == null ? "-" : crd.resourceVersion());
      }
      f.append(';');
    }
    return f.toString();
  }

  private @Nullable StoredObject crd(ResourceType t) {
    return store.get(
        CustomResourceSchemas.CRD_BUCKET, StoredObject.key("", t.plural() + "." + t.group()));
  }

  /** The cached document of {@code key} built from {@code types}, or null. */
  private @Nullable Document cached(String key, List<ResourceType> types, String fingerprint) {
    Document d = cache.get(key);
    if (d == null && types.stream().allMatch(ResourceType::builtin)) {
      d = SHARED.get(key + "|" + fingerprint);
    }
    return d != null && d.fingerprint().equals(fingerprint) ? d : null;
  }

  private Document remember(String key, List<ResourceType> types, Document d) {
    cache.put(key, d);
    if (types.stream().allMatch(ResourceType::builtin)) {
      SHARED.putIfAbsent(key + "|" + d.fingerprint(), d);
    }
    return d;
  }

  private @Nullable Document groupVersion(String gvPath) {
    List<ResourceType> types = groupVersions().get(gvPath);
    if (types == null) {
      return null;
    }
    String fingerprint = fingerprint(types);
    Document cached = cached("v3:" + gvPath, types, fingerprint);
    if (cached != null) {
      return cached;
    }
    Map<String, JsonNode> models = new LinkedHashMap<>();
    ObjectNode paths = Json.object();
    boolean custom = false;
    for (ResourceType t : types) {
      OpenApiPaths.Models names = models(t, models, false);
      if (names == null) {
        continue;
      }
      custom |= !t.builtin();
      OpenApiPaths.add(paths, t, names);
    }
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", custom ? "Kubernetes CRD Swagger" : "Kubernetes");
    info.put("version", custom ? "v0.1.0" : "unversioned");
    doc.set("paths", OpenApiV3Paths.convert(paths));
    ObjectNode components = doc.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    Map<String, ObjectNode> builtin = BuiltinSchemas.get().definitions();
    Map<String, JsonNode> all = new LinkedHashMap<>(builtin);
    all.putAll(models);
    for (String name :
        new TreeSet<>(OpenApiSchemas.closure(all, OpenApiSchemas.references(paths)))) {
      JsonNode model = models.get(name);
      schemas.set(name, model != null ? model : OpenApiSchemas.builtinV3(name));
    }
    securitySchemes(components.putObject("securitySchemes"));
    byte[] json = Json.bytes(doc);
    return remember("v3:" + gvPath, types, new Document(fingerprint, json, hash(json)));
  }

  /**
   * The model names of {@code t}'s kind and list; for a custom resource its models are built into
   * {@code into}. Null when a built-in kind has no definition.
   */
  private OpenApiPaths.@Nullable Models models(
      ResourceType t, Map<String, JsonNode> into, boolean v2) {
    if (t.builtin()) {
      BuiltinSchemas b = BuiltinSchemas.get();
      String kind = b.definitionOf(t.group(), t.version(), t.kind());
      String list = b.definitionOf(t.group(), t.version(), t.kind() + "List");
      return kind == null || list == null ? null : new OpenApiPaths.Models(kind, list);
    }
    StoredObject stored = crd(t);
    if (stored == null) {
      return null;
    }
    JsonNode crd = stored.tree();
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("name").asText().equals(t.version())) {
        String kind = OpenApiSchemas.modelName(t.group(), t.version(), t.kind());
        String list =
            OpenApiSchemas.modelName(
                t.group(),
                t.version(),
                crd.path("spec").path("names").path("listKind").asText(t.kind() + "List"));
        into.put(kind, OpenApiSchemas.crdModel(crd, version, v2));
        into.put(list, OpenApiSchemas.crdListModel(crd, version, v2));
        return new OpenApiPaths.Models(kind, list);
      }
    }
    return null;
  }

  private Document v2() {
    List<ResourceType> types = registry.all();
    String fingerprint = fingerprint(types);
    Document cached = cached("v2", types, fingerprint);
    if (cached != null) {
      return cached;
    }
    ObjectNode doc = Json.object();
    doc.put("swagger", "2.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", "unversioned");
    ObjectNode paths = Json.object();
    Map<String, JsonNode> models = new LinkedHashMap<>();
    for (ResourceType t : registry.all()) {
      OpenApiPaths.Models names = models(t, models, true);
      if (names != null) {
        OpenApiPaths.add(paths, t, names);
      }
    }
    ObjectNode sortedPaths = doc.putObject("paths");
    new TreeMap<>(toMap(paths)).forEach(sortedPaths::set);
    ObjectNode definitions = doc.putObject("definitions");
    Map<String, JsonNode> all = new LinkedHashMap<>(BuiltinSchemas.get().definitions());
    all.putAll(models);
    for (String name :
        new TreeSet<>(OpenApiSchemas.closure(all, OpenApiSchemas.references(paths)))) {
      definitions.set(name, all.get(name));
    }
    securitySchemes(doc.putObject("securityDefinitions"));
    doc.putArray("security").addObject().putArray("BearerToken");
    byte[] json = Json.bytes(doc);
    return remember("v2", types, new Document(fingerprint, json, hash(json)));
  }

  private static Map<String, JsonNode> toMap(ObjectNode node) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  private static void securitySchemes(ObjectNode schemes) {
    ObjectNode bearer = schemes.putObject("BearerToken");
    bearer.put("description", "Bearer Token authentication");
    bearer.put("in", "header");
    bearer.put("name", "authorization");
    bearer.put("type", "apiKey");
  }

  /** kube-openapi's ETag: the SHA-512 of the document in upper-case hex. */
  private static String hash(byte[] json) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-512").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is missing from this JVM", e);
    }
  }
}
