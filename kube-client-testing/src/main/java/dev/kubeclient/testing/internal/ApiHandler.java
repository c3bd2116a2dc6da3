package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP entry point: applies faults, authenticates, serves discovery, and maps resource URLs and
 * methods to verbs on {@link ResourceOperations}, writing Status bodies for every failure.
 * Stateless apart from its collaborators; one instance serves all requests concurrently.
 */
public final class ApiHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

  private final ResourceRegistry registry;
  private final ResourceOperations operations;
  private final Discovery discovery;
  private final FaultState faults;
  private final Authenticator authenticator;
  private final WatchStream watches;
  private final PatchHandler patches;
  private final OpenApi openApi;
  private final Reviews reviews;
  private final Responses responses;

  /** Creates the handler. */
  public ApiHandler(
      ResourceRegistry registry,
      ResourceOperations operations,
      Discovery discovery,
      FaultState faults,
      Authenticator authenticator,
      WatchStream watches) {
    this.registry = registry;
    this.operations = operations;
    this.discovery = discovery;
    this.faults = faults;
    this.authenticator = authenticator;
    this.watches = watches;
    this.patches = new PatchHandler(operations);
    this.openApi = new OpenApi(registry);
    this.reviews = new Reviews(authenticator);
    this.responses = new Responses(new TableConvertor(operations.clock(), operations.store()));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      long delay = faults.delayMillis();
      if (delay > 0) {
        Thread.sleep(delay);
      }
      ApiError failure = faults.takeFailure();
      if (failure != null) {
        throw failure;
      }
      String user = authenticator.authenticate(exchange);
      route(exchange, user);
    } catch (ApiError e) {
      sendQuietly(exchange, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug(
          "Connection failed during {} {}: {}",
          exchange.getRequestMethod(),
          exchange.getRequestURI(),
          e.toString());
    } catch (RuntimeException e) {
      log.warn("Request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      sendQuietly(exchange, ApiError.internal(e.toString()));
    } finally {
      exchange.close();
    }
  }

  private static void sendQuietly(HttpExchange exchange, ApiError error) {
    try {
      Exchanges.sendError(exchange, error);
    } catch (IOException | RuntimeException e) {
      // The response was already started (a watch) or the client left; nothing more to say.
      log.trace("Could not send {}: {}", error.code(), e.toString());
    }
  }

  private void route(HttpExchange exchange, String user) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String method = exchange.getRequestMethod();
    switch (path) {
      case "/healthz", "/livez", "/readyz" -> {
        Exchanges.send(
            exchange, 200, "text/plain; charset=utf-8", "ok".getBytes(StandardCharsets.UTF_8));
        return;
      }
      case "/version" -> {
        Exchanges.sendJson(exchange, 200, discovery.version());
        return;
      }
      case "/api", "/apis" -> {
        discovery.serveRoot(exchange, path.equals("/api"));
        return;
      }
      default -> {
        // Resource and per-group discovery paths below.
      }
    }
    if (path.equals("/openapi/v3")) {
      Exchanges.sendJson(exchange, 200, openApi.root());
      return;
    }
    if (path.startsWith("/openapi/v3/api/") || path.startsWith("/openapi/v3/apis/")) {
      String[] gv = path.substring("/openapi/v3/".length()).split("/");
      if (gv[0].equals("api") && gv.length == 2) {
        Exchanges.sendJson(exchange, 200, openApi.groupVersion("", gv[1]));
        return;
      }
      if (gv.length == 3) {
        Exchanges.sendJson(exchange, 200, openApi.groupVersion(gv[1], gv[2]));
        return;
      }
    }
    if (path.startsWith("/openapi/")) {
      throw ApiError.pathNotFound();
    }
    String[] parts = path.substring(1).split("/");
    if (parts[0].equals("api") && parts.length == 2) {
      Exchanges.sendJson(exchange, 200, discovery.resourceList("", parts[1]));
      return;
    }
    if (parts[0].equals("apis") && parts.length == 2) {
      Exchanges.sendJson(exchange, 200, discovery.group(parts[1]));
      return;
    }
    if (parts[0].equals("apis") && parts.length == 3) {
      Exchanges.sendJson(exchange, 200, discovery.resourceList(parts[1], parts[2]));
      return;
    }
    Map<String, String> query = RequestInfo.parseQuery(exchange.getRequestURI().getRawQuery());
    RequestInfo info =
        RequestInfo.parse(
            path,
            query,
            (g, v, plural) -> {
              ResourceType t = registry.find(g, v, plural);
              return t != null && t.namespaced();
            });
    if (info == null) {
      throw ApiError.pathNotFound();
    }
    ResourceType type = registry.find(info.group(), info.version(), info.resource());
    if (type == null || (type.namespaced() && info.namespace() == null && info.name() != null)) {
      throw ApiError.pathNotFound();
    }
    String sub = info.subresource();
    if (sub != null && !type.subresources().contains(sub)) {
      throw ApiError.pathNotFound();
    }
    String deprecation = registry.deprecation(type);
    if (deprecation != null) {
      // As the API server warns about deprecated versions (RFC 7234 warn-code 299).
      exchange.getResponseHeaders().add("Warning", "299 - " + Json.quote(deprecation));
    }
    String dryRun = info.param("dryRun", "");
    if (!dryRun.isEmpty() && !dryRun.equals("All")) {
      throw ApiError.badRequest(
          "dryRun: Unsupported value: \"" + dryRun + "\": supported values: \"All\"");
    }
    if (dryRun.isEmpty()) {
      resource(exchange, user, method, type, info);
      return;
    }
    operations.beginDryRun();
    try {
      resource(exchange, user, method, type, info);
    } finally {
      operations.endDryRun();
    }
  }

  private void resource(
      HttpExchange exchange, String user, String method, ResourceType type, RequestInfo info)
      throws IOException {
    String name = info.name();
    String verb = verb(method, name != null, info.watch());
    if (!authenticator.allowed(user, verb, type.plural())) {
      throw ApiError.forbidden(user, verb, type, info.namespace(), name);
    }
    if (!type.supports(verb)) {
      throw ApiError.methodNotAllowed();
    }
    if (type.namespaced()
        && info.namespace() == null
        && (verb.equals("create") || verb.equals("deletecollection"))) {
      // Only reads and watches have an all-namespaces route; writes need a namespace.
      throw ApiError.methodNotAllowed();
    }
    // As the API server, answer 406 before doing anything when no accepted media type fits.
    Responses.target(exchange, verb.equals("watch"));
    boolean status = "status".equals(info.subresource());
    if ("scale".equals(info.subresource()) && !verb.equals("patch")) {
      scale(exchange, type, info, verb);
      return;
    }
    switch (verb) {
      case "get" -> sendObject(exchange, 200, type, operations.get(type, info.namespace(), name));
      case "list" -> list(exchange, type, info);
      case "watch" ->
          watches.serve(
              exchange, type, info, filter(type, info), responses.watchConversion(exchange, type));
      case "create" -> {
        ObjectNode body = body(exchange);
        if (Reviews.answers(type)) {
          Exchanges.sendJson(exchange, 201, reviews.answer(type, body, user));
          return;
        }
        StoredObject created = operations.create(type, info.namespace(), body);
        sendObject(exchange, 201, type, created);
      }
      case "update" -> {
        ObjectNode body = body(exchange);
        sendObject(
            exchange, 200, type, operations.update(type, info.namespace(), name, body, status));
      }
      case "patch" -> {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        PatchHandler.Result result =
            patches.patch(type, info, contentType, Exchanges.body(exchange), status);
        if ("scale".equals(info.subresource())) {
          Exchanges.sendJson(
              exchange,
              200,
              ScaleSubresource.view(result.object().tree(type.apiVersion(), type.kind())));
        } else {
          sendObject(exchange, result.created() ? 201 : 200, type, result.object());
        }
      }
      case "delete" -> delete(exchange, type, info);
      case "deletecollection" -> {
        JsonNode options = deleteOptions(exchange);
        List<StoredObject> deleted =
            operations.deleteCollection(
                type, info.namespace(), filter(type, info), propagation(info, options));
        sendList(
            exchange,
            type,
            new ResourceOperations.Page(operations.store().resourceVersion(), deleted, null, 0));
      }
      default -> throw ApiError.methodNotAllowed();
    }
  }

  private void scale(HttpExchange exchange, ResourceType type, RequestInfo info, String verb)
      throws IOException {
    String name = info.name();
    StoredObject result;
    if (verb.equals("get")) {
      result = operations.get(type, info.namespace(), name);
    } else if (verb.equals("update")) {
      ObjectNode scale = body(exchange);
      result =
          operations
              .store()
              .write(
                  () -> {
                    ObjectNode live =
                        operations
                            .get(type, info.namespace(), name)
                            .tree(type.apiVersion(), type.kind());
                    return operations.update(
                        type, info.namespace(), name, ScaleSubresource.apply(live, scale), false);
                  });
    } else {
      throw ApiError.methodNotAllowed();
    }
    Exchanges.sendJson(
        exchange, 200, ScaleSubresource.view(result.tree(type.apiVersion(), type.kind())));
  }

  private static String verb(String method, boolean named, boolean watch) {
    return switch (method) {
      case "GET", "HEAD" -> watch ? "watch" : named ? "get" : "list";
      case "POST" -> named ? "unsupported" : "create";
      case "PUT" -> named ? "update" : "unsupported";
      case "PATCH" -> named ? "patch" : "unsupported";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> "unsupported";
    };
  }

  /** Parses a JSON or YAML request body into an object, or 400 as the decoder words it. */
  static ObjectNode parseObject(byte[] body, String contentType) {
    if (body.length == 0) {
      throw ApiError.badRequest("the body of the request was empty");
    }
    boolean yaml = contentType.toLowerCase(Locale.ROOT).contains("yaml");
    JsonNode node;
    try {
      node = (yaml ? Json.YAML : Json.MAPPER).readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest(
          "couldn't get version/kind; json parse error: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("couldn't read the request body: " + e.getMessage());
    }
    if (!(node instanceof ObjectNode)) {
      throw ApiError.badRequest(
          "couldn't get version/kind; json parse error: json: cannot unmarshal "
              + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT))
              + " into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }");
    }
    return (ObjectNode) node;
  }

  private static ObjectNode body(HttpExchange exchange) throws IOException {
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (contentType.contains("protobuf") || contentType.contains("cbor")) {
      // JSON and YAML only; clients fall back to JSON on 415.
      throw ApiError.unsupportedMediaType(
          contentType, List.of("application/json", "application/yaml"));
    }
    return parseObject(Exchanges.body(exchange), contentType);
  }

  private void sendObject(HttpExchange exchange, int code, ResourceType type, StoredObject o)
      throws IOException {
    responses.sendObject(exchange, code, type, o);
  }

  private void delete(HttpExchange exchange, ResourceType type, RequestInfo info)
      throws IOException {
    JsonNode options = deleteOptions(exchange);
    JsonNode preconditions = options.path("preconditions");
    ResourceOperations.Deletion deletion =
        operations.delete(
            type,
            info.namespace(),
            info.name(),
            propagation(info, options),
            Json.text(preconditions, "uid"),
            Json.text(preconditions, "resourceVersion"));
    boolean returnsObject =
        !type.builtin() || type.plural().equals("pods") || type.plural().equals("namespaces");
    if (!deletion.deleted()) {
      sendObject(exchange, 200, type, deletion.object());
    } else if (returnsObject) {
      sendObject(exchange, 200, type, deletion.object());
    } else {
      ObjectNode status = Json.object();
      status.put("kind", "Status");
      status.put("apiVersion", "v1");
      status.putObject("metadata");
      status.put("status", "Success");
      ObjectNode details = status.putObject("details");
      details.put("name", deletion.object().name());
      if (!type.group().isEmpty()) {
        details.put("group", type.group());
      }
      details.put("kind", type.plural());
      details.put("uid", deletion.object().uid());
      Exchanges.sendJson(exchange, 200, status);
    }
  }

  private static JsonNode deleteOptions(HttpExchange exchange) throws IOException {
    byte[] body = Exchanges.body(exchange);
    if (body.length == 0) {
      return Json.object();
    }
    return parseObject(body, "application/json");
  }

  private static @Nullable String propagation(RequestInfo info, JsonNode options) {
    String policy = Json.text(options, "propagationPolicy");
    if (policy == null) {
      policy = info.query().get("propagationPolicy");
    }
    if (policy == null && options.path("orphanDependents").asBoolean(false)) {
      policy = "Orphan";
    }
    if (policy != null && !List.of("Foreground", "Background", "Orphan").contains(policy)) {
      throw ApiError.badRequest(
          "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \""
              + policy
              + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
    }
    return policy;
  }

  /** The selector filter of a list, watch or deletecollection request. */
  private static Predicate<StoredObject> filter(ResourceType type, RequestInfo info) {
    Selectors.checkFieldLabels(type, info.param("fieldSelector", ""));
    return Selectors.filter(info.param("labelSelector", ""), info.param("fieldSelector", ""));
  }

  private void list(HttpExchange exchange, ResourceType type, RequestInfo info) throws IOException {
    int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(0, longParam(info, "limit")));
    String continueParam = info.param("continue", "");
    String rv = info.param("resourceVersion", "");
    String match = info.param("resourceVersionMatch", "");
    String afterKey = null;
    long at = 0;
    if (!continueParam.isEmpty()) {
      ContinueToken token = ContinueToken.decode(continueParam);
      afterKey = token.lastKey();
      at = token.resourceVersion();
    } else if ("Exact".equals(match)) {
      at = longParam(info, "resourceVersion");
      checkNotInFuture(at);
    } else if (!match.isEmpty() && !"NotOlderThan".equals(match)) {
      throw ApiError.badRequest("resourceVersionMatch: Unsupported value: \"" + match + "\"");
    } else if (!rv.isEmpty() && !rv.equals("0")) {
      checkNotInFuture(longParam(info, "resourceVersion"));
    }
    boolean selectors =
        !info.param("labelSelector", "").isEmpty() || !info.param("fieldSelector", "").isEmpty();
    ResourceOperations.Page page =
        operations.list(
            type, info.namespace(), filter(type, info), limit, afterKey, at, !selectors);
    sendList(exchange, type, page);
  }

  /** A resourceVersion the server has not reached yet is a 504, as after the cache's wait. */
  private void checkNotInFuture(long resourceVersion) {
    long current = operations.store().resourceVersion();
    if (resourceVersion > current) {
      throw ApiError.tooLargeResourceVersion(resourceVersion, current);
    }
  }

  private static long longParam(RequestInfo info, String name) {
    String value = info.param(name, "0");
    try {
      return value.isEmpty() ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid " + name + ": " + Json.quote(value));
    }
  }

  private void sendList(HttpExchange exchange, ResourceType type, ResourceOperations.Page page)
      throws IOException {
    responses.sendList(exchange, type, page);
  }
}
