package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kubeclient.testing.internal.smd.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
  private final OpenApiDocuments openApi;
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
    this.openApi = new OpenApiDocuments(registry, operations.store());
    this.reviews = new Reviews(authenticator);
    this.responses = new Responses(new TableConvertor(operations.clock(), operations.store()));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body;
      try {
        // The body is read whole before anything is answered, on every path: over TLS, the JDK
        // server drains an unread body after the answer and can read the client's next request
        // into a buffer it then ignores, leaving that request hanging on the kept-alive
        // connection.
        body = Exchanges.body(exchange);
      } catch (ApiError tooLarge) {
        // Not all of the body was read: the connection cannot carry another request.
        exchange.getResponseHeaders().set("Connection", "close");
        throw tooLarge;
      }
      long delay = faults.delayMillis();
      if (delay > 0) {
        Thread.sleep(delay);
      }
      ApiError failure = faults.takeFailure();
      if (failure != null) {
        throw failure;
      }
      String user = authenticator.authenticate(exchange);
      route(exchange, user, body);
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

  private void route(HttpExchange exchange, String user, byte[] body) throws IOException {
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
    if (path.startsWith("/openapi/")) {
      openApi.serve(exchange, path);
      return;
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
    Map<String, List<String>> query =
        RequestInfo.parseQuery(exchange.getRequestURI().getRawQuery());
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
    FieldValidation.begin(
        info.param("fieldValidation", ""),
        writeVerb(method, exchange),
        exchange.getResponseHeaders());
    try {
      resource(exchange, user, method, type, info, body, RequestInfo.legacyWatchPath(path));
    } finally {
      FieldValidation.end();
    }
  }

  /** Runs {@code write} as a dry run when {@code dryRun}: checked and answered, nothing stored. */
  private <T> T write(boolean dryRun, Supplier<T> write) {
    if (!dryRun) {
      return write.get();
    }
    operations.beginDryRun();
    try {
      return write.get();
    } finally {
      operations.endDryRun();
    }
  }

  /**
   * The field manager of a write: the {@code fieldManager} parameter, else the program name of the
   * User-Agent (what precedes the first {@code /}, unprintable characters dropped, at most 128
   * bytes), as the API server's {@code managerOrUserAgent} derives it.
   */
  static String managerOrUserAgent(String fieldManager, @Nullable String userAgent) {
    if (!fieldManager.isEmpty()) {
      return fieldManager;
    }
    String agent = userAgent == null ? "" : userAgent;
    int slash = agent.indexOf('/');
    String program = slash < 0 ? agent : agent.substring(0, slash);
    StringBuilder b = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < program.length(); ) {
      int cp = program.codePointAt(i);
      i += Character.charCount(cp);
      if (!Values.isPrint(cp)) {
        continue;
      }
      int length = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + length > RequestOptions.FIELD_MANAGER_MAX_LENGTH) {
        break;
      }
      bytes += length;
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  private static String manager(HttpExchange exchange, RequestOptions.WriteOptions options) {
    return managerOrUserAgent(
        options.fieldManager(), exchange.getRequestHeaders().getFirst("User-Agent"));
  }

  /** The write a request makes, as {@link FieldValidation} tells them apart. */
  private static String writeVerb(String method, HttpExchange exchange) {
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    return switch (method) {
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> contentType.startsWith(PatchHandler.APPLY) ? "apply" : "patch";
      default -> method.toLowerCase(Locale.ROOT);
    };
  }

  private void resource(
      HttpExchange exchange,
      String user,
      String method,
      ResourceType type,
      RequestInfo info,
      byte[] body,
      boolean legacyWatch)
      throws IOException {
    String name = info.name();
    String verb = verb(method, name != null, info.watch(), legacyWatch);
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
    String subresource = info.subresource();
    boolean status = "status".equals(subresource);
    if ("scale".equals(subresource) && !verb.equals("patch")) {
      scale(exchange, type, info, verb, body);
      return;
    }
    switch (verb) {
      case "get" -> sendObject(exchange, 200, type, operations.get(type, info.namespace(), name));
      case "list" -> list(exchange, type, info, RequestOptions.list(info, false));
      case "watch" -> {
        RequestOptions.list(info, true);
        watches.serve(
            exchange,
            type,
            info,
            filter(type, info, name),
            responses.watchConversion(exchange, type));
      }
      case "create" -> {
        checkContentType(exchange, type);
        RequestOptions.WriteOptions options = RequestOptions.create(info);
        ObjectNode object = parseObject(body, contentType(exchange));
        if (Reviews.answers(type)) {
          Exchanges.sendJson(exchange, 201, reviews.answer(type, object, user));
          return;
        }
        FieldTracking tracking = operations.updatedBy(type, manager(exchange, options), null);
        StoredObject created =
            write(
                options.dryRun(),
                () -> operations.create(type, info.namespace(), object, tracking));
        sendObject(exchange, 201, type, created);
      }
      case "update" -> {
        checkContentType(exchange, type);
        RequestOptions.WriteOptions options = RequestOptions.update(info);
        ObjectNode object = parseObject(body, contentType(exchange));
        FieldTracking tracking =
            operations.updatedBy(type, manager(exchange, options), subresource);
        StoredObject updated =
            write(
                options.dryRun(),
                () -> operations.update(type, info.namespace(), name, object, status, tracking));
        sendObject(exchange, 200, type, updated);
      }
      case "patch" -> {
        String contentType = contentType(exchange);
        String media = PatchHandler.mediaType(type, contentType);
        RequestOptions.WriteOptions options = RequestOptions.patch(info, media);
        String manager = manager(exchange, options);
        PatchHandler.Result result =
            write(
                options.dryRun(),
                () -> patches.patch(type, info, media, body, manager, options.force()));
        if ("scale".equals(subresource)) {
          Exchanges.sendJson(
              exchange,
              200,
              ScaleSubresource.view(
                  result.object().tree(type.apiVersion(), type.kind()),
                  operations.schemas().scalePaths(type)));
        } else {
          sendObject(exchange, result.created() ? 201 : 200, type, result.object());
        }
      }
      case "delete" -> delete(exchange, type, info, body);
      case "deletecollection" -> {
        RequestOptions.list(info, false);
        RequestOptions.DeleteOptions options = deleteOptions(exchange, type, info, body);
        Predicate<StoredObject> filter = filter(type, info, null);
        List<StoredObject> deleted =
            write(
                options.dryRun(),
                () ->
                    operations.deleteCollection(
                        type, info.namespace(), filter, options.propagationPolicy()));
        sendList(
            exchange,
            type,
            new ResourceOperations.Page(operations.store().resourceVersion(), deleted, null, 0));
      }
      default -> throw ApiError.methodNotAllowed();
    }
  }

  private void scale(
      HttpExchange exchange, ResourceType type, RequestInfo info, String verb, byte[] body)
      throws IOException {
    String name = info.name();
    StoredObject result;
    if (verb.equals("get")) {
      result = operations.get(type, info.namespace(), name);
    } else if (verb.equals("update")) {
      checkContentType(exchange, type);
      RequestOptions.WriteOptions options = RequestOptions.update(info);
      ObjectNode scale = parseObject(body, contentType(exchange));
      FieldTracking tracking = operations.updatedBy(type, manager(exchange, options), "scale");
      result =
          write(
              options.dryRun(),
              () ->
                  operations
                      .store()
                      .write(
                          () -> {
                            ObjectNode live =
                                operations
                                    .get(type, info.namespace(), name)
                                    .tree(type.apiVersion(), type.kind());
                            return operations.update(
                                type,
                                info.namespace(),
                                name,
                                ScaleSubresource.apply(
                                    live, scale, operations.schemas().scalePaths(type)),
                                false,
                                tracking);
                          }));
    } else {
      throw ApiError.methodNotAllowed();
    }
    Exchanges.sendJson(
        exchange,
        200,
        ScaleSubresource.view(
            result.tree(type.apiVersion(), type.kind()), operations.schemas().scalePaths(type)));
  }

  /**
   * The verb of a request. A watch is a collection GET with {@code watch} true, or a GET under the
   * legacy {@code /watch/} prefix; a GET of a named object ignores {@code watch}, as the API server
   * routes it to get.
   */
  private static String verb(String method, boolean named, boolean watch, boolean legacyWatch) {
    return switch (method) {
      case "GET", "HEAD" -> legacyWatch ? "watch" : named ? "get" : watch ? "watch" : "list";
      case "POST" -> named ? "unsupported" : "create";
      case "PUT" -> named ? "update" : "unsupported";
      case "PATCH" -> named ? "patch" : "unsupported";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> "unsupported";
    };
  }

  /**
   * Parses a JSON, YAML or protobuf request body into an object, or 400 as the decoder words it.
   */
  static ObjectNode parseObject(byte[] body, String contentType) {
    if (body.length == 0) {
      throw ApiError.badRequest("the body of the request was empty");
    }
    if (contentType.contains("application/vnd.kubernetes.protobuf")) {
      return ProtobufDecoder.decode(body);
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

  private static String contentType(HttpExchange exchange) {
    return String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
  }

  /**
   * 415 for a body this server cannot decode, before its options are looked at: protobuf is decoded
   * for built-in kinds only, as custom resources have no protobuf encoding.
   */
  private static void checkContentType(HttpExchange exchange, ResourceType type) {
    String contentType = contentType(exchange);
    if ((contentType.contains("protobuf") && !type.builtin()) || contentType.contains("cbor")) {
      // Clients fall back to JSON on 415.
      throw ApiError.unsupportedMediaType(
          contentType, List.of("application/json", "application/yaml"));
    }
  }

  private void sendObject(HttpExchange exchange, int code, ResourceType type, StoredObject stored)
      throws IOException {
    responses.sendObject(exchange, code, type, operations.present(type, stored));
  }

  private void delete(HttpExchange exchange, ResourceType type, RequestInfo info, byte[] body)
      throws IOException {
    RequestOptions.DeleteOptions options = deleteOptions(exchange, type, info, body);
    ResourceOperations.Deletion deletion =
        write(
            options.dryRun(),
            () ->
                operations.delete(
                    type,
                    info.namespace(),
                    info.name(),
                    options.propagationPolicy(),
                    options.preconditionUid(),
                    options.preconditionResourceVersion()));
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

  /** DeleteOptions from the body when it has one, else from the query. */
  private static RequestOptions.DeleteOptions deleteOptions(
      HttpExchange exchange, ResourceType type, RequestInfo info, byte[] body) {
    JsonNode options = null;
    if (body.length > 0) {
      checkContentType(exchange, type);
      options = parseObject(body, contentType(exchange));
    }
    return RequestOptions.delete(info, options);
  }

  /**
   * The selector filter of a list, watch or deletecollection request; a watch of one object ({@code
   * name} not null) sees only that object, as if selected by {@code metadata.name}.
   */
  private static Predicate<StoredObject> filter(
      ResourceType type, RequestInfo info, @Nullable String name) {
    Selectors.checkFieldLabels(type, info.param("fieldSelector", ""));
    Predicate<StoredObject> selected =
        Selectors.filter(info.param("labelSelector", ""), info.param("fieldSelector", ""));
    return name == null ? selected : selected.and(o -> o.name().equals(name));
  }

  private void list(
      HttpExchange exchange, ResourceType type, RequestInfo info, RequestOptions.ListOptions opts)
      throws IOException {
    ApiError fault =
        faults.takeListFailure(
            info.param("resourceVersion", ""), operations.store().resourceVersion());
    if (fault != null) {
      throw fault;
    }
    int limit = (int) Math.min(Integer.MAX_VALUE, Math.max(0, opts.limit()));
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
    } else if (!rv.isEmpty() && !rv.equals("0")) {
      checkNotInFuture(longParam(info, "resourceVersion"));
    }
    boolean selectors =
        !info.param("labelSelector", "").isEmpty() || !info.param("fieldSelector", "").isEmpty();
    ResourceOperations.Page page =
        operations.list(
            type, info.namespace(), filter(type, info, null), limit, afterKey, at, !selectors);
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
    List<StoredObject> items = new ArrayList<>(page.items().size());
    for (StoredObject o : page.items()) {
      items.add(operations.present(type, o));
    }
    responses.sendList(
        exchange,
        type,
        new ResourceOperations.Page(
            page.resourceVersion(), items, page.continueToken(), page.remaining()));
  }
}
