package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Writes resource responses in the negotiated {@link MediaTarget}, as apiserver's {@code
 * transformResponseObject} does: the object or list as stored (streamed straight from the stored
 * bytes, the fast path), only its metadata ({@code PartialObjectMetadata}, {@code
 * PartialObjectMetadataList}), or a server-side {@code Table}; in JSON or YAML. A conversion that
 * does not fit the response (PartialObjectMetadata of a list, PartialObjectMetadataList of one
 * object) is 406 NotAcceptable with the API server's message. Status bodies are never converted.
 * Stateless; safe for concurrent use.
 */
public final class Responses {
  private final TableConvertor tables;

  /** Creates the writer; {@code tables} prints Table rows. */
  public Responses(TableConvertor tables) {
    this.tables = tables;
  }

  /** Sends one stored object. */
  public void sendObject(HttpExchange exchange, int code, ResourceType type, StoredObject object)
      throws IOException {
    MediaTarget target = target(exchange, false);
    if (target.conversion() == MediaTarget.Conversion.NONE && !target.yaml()) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(object.size() + 64);
      object.writeTo(buffer, StoredObject.typePrefix(type.apiVersion(), type.kind()));
      Exchanges.send(exchange, code, target.mediaType(), buffer.toByteArray());
      return;
    }
    sendTree(exchange, code, type, object.tree(type.apiVersion(), type.kind()));
  }

  /** Sends one object given as a tree (a subresource view such as Scale). */
  public void sendTree(HttpExchange exchange, int code, ResourceType type, ObjectNode object)
      throws IOException {
    MediaTarget target = target(exchange, false);
    ObjectNode body =
        switch (target.conversion()) {
          case NONE -> object;
          case PARTIAL_OBJECT_METADATA -> partial(object, target.metaApiVersion());
          case PARTIAL_OBJECT_METADATA_LIST ->
              throw ApiError.notAcceptable(
                  "you requested PartialObjectMetadataList, but the requested object is not a"
                      + " list ("
                      + goType(type, false)
                      + ")");
          case TABLE ->
              tables.table(
                  type,
                  List.of(object),
                  listMeta(object.path("metadata").path("resourceVersion").asText(""), null, -1),
                  TableConvertor.options(query(exchange), target.metaVersion()));
        };
    send(exchange, code, target, body);
  }

  /** Sends a page of a list. */
  public void sendList(HttpExchange exchange, ResourceType type, ResourceOperations.Page page)
      throws IOException {
    MediaTarget target = target(exchange, false);
    ObjectNode metadata =
        listMeta(Long.toString(page.resourceVersion()), page.continueToken(), page.remaining());
    if (target.conversion() == MediaTarget.Conversion.NONE && !target.yaml()) {
      streamList(exchange, type, page, metadata);
      return;
    }
    ObjectNode body =
        switch (target.conversion()) {
          case NONE -> {
            ObjectNode list = listHead(type.kind() + "List", type.apiVersion(), metadata);
            ArrayNode items = list.putArray("items");
            for (StoredObject o : page.items()) {
              items.add(type.builtin() ? o.tree() : o.tree(type.apiVersion(), type.kind()));
            }
            yield list;
          }
          case PARTIAL_OBJECT_METADATA ->
              throw ApiError.notAcceptable(
                  "you requested PartialObjectMetadata, but the requested object is a list ("
                      + goType(type, true)
                      + ")");
          case PARTIAL_OBJECT_METADATA_LIST -> {
            ObjectNode list =
                listHead("PartialObjectMetadataList", target.metaApiVersion(), metadata);
            if (page.items().isEmpty()) {
              // apiserver builds the list by appending to a nil slice: no items encode as null.
              list.putNull("items");
            } else {
              ArrayNode items = list.putArray("items");
              for (StoredObject o : page.items()) {
                items.add(partial(o.tree(), target.metaApiVersion()));
              }
            }
            yield list;
          }
          case TABLE -> {
            List<ObjectNode> items = new ArrayList<>(page.items().size());
            for (StoredObject o : page.items()) {
              items.add(o.tree(type.apiVersion(), type.kind()));
            }
            yield tables.table(
                type,
                items,
                metadata,
                TableConvertor.options(query(exchange), target.metaVersion()));
          }
        };
    send(exchange, 200, target, body);
  }

  /**
   * The conversion of each object a watch sends, or null when objects go out as stored. A Table
   * watch sends the column definitions with the first event only, as the API server does.
   */
  public @Nullable UnaryOperator<ObjectNode> watchConversion(
      HttpExchange exchange, ResourceType type) {
    MediaTarget target = target(exchange, true);
    return switch (target.conversion()) {
      case NONE -> null;
      case PARTIAL_OBJECT_METADATA -> object -> partial(object, target.metaApiVersion());
      // The API server logs the failed conversion and sends the object unchanged.
      case PARTIAL_OBJECT_METADATA_LIST -> object -> object;
      case TABLE -> {
        TableConvertor.Options options =
            TableConvertor.options(query(exchange), target.metaVersion());
        boolean[] headersSent = {false};
        yield object -> {
          TableConvertor.Options now = headersSent[0] ? options.withoutHeaders() : options;
          headersSent[0] = true;
          return tables.table(
              type,
              List.of(object),
              listMeta(object.path("metadata").path("resourceVersion").asText(""), null, -1),
              now);
        };
      }
    };
  }

  /**
   * Negotiates the response of {@code exchange} from its Accept header.
   *
   * @throws ApiError 406 when nothing asked for can be served
   */
  public static MediaTarget target(HttpExchange exchange, boolean watch) {
    return MediaTarget.negotiate(exchange.getRequestHeaders().getFirst("Accept"), watch);
  }

  private static Map<String, String> query(HttpExchange exchange) {
    return RequestInfo.firstValues(RequestInfo.parseQuery(exchange.getRequestURI().getRawQuery()));
  }

  /** {@code PartialObjectMetadata} of {@code object}: only its metadata. */
  static ObjectNode partial(JsonNode object, String metaApiVersion) {
    ObjectNode partial = Json.object();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", metaApiVersion);
    JsonNode metadata = object.get("metadata");
    partial.set("metadata", metadata instanceof ObjectNode ? metadata.deepCopy() : Json.object());
    return partial;
  }

  /** A ListMeta: resourceVersion, and continue with remainingItemCount (when known, >= 0). */
  static ObjectNode listMeta(
      String resourceVersion, @Nullable String continueToken, long remaining) {
    ObjectNode metadata = Json.object();
    if (!resourceVersion.isEmpty()) {
      metadata.put("resourceVersion", resourceVersion);
    }
    if (continueToken != null) {
      metadata.put("continue", continueToken);
      if (remaining >= 0) {
        metadata.put("remainingItemCount", remaining);
      }
    }
    return metadata;
  }

  private static ObjectNode listHead(String kind, String apiVersion, ObjectNode metadata) {
    ObjectNode list = Json.object();
    list.put("kind", kind);
    list.put("apiVersion", apiVersion);
    list.set("metadata", metadata);
    return list;
  }

  /** The Go type apiserver's conversion errors name ({@code *core.Pod}, {@code *apps.List}). */
  private static String goType(ResourceType type, boolean list) {
    if (!type.builtin()) {
      return list ? "*unstructured.UnstructuredList" : "*unstructured.Unstructured";
    }
    String group = type.group();
    String pkg =
        group.isEmpty() || group.equals("events.k8s.io")
            ? "core"
            : group.split("\\.")[0].toLowerCase(Locale.ROOT);
    return "*" + pkg + "." + type.kind() + (list ? "List" : "");
  }

  private static void send(HttpExchange exchange, int code, MediaTarget target, ObjectNode body)
      throws IOException {
    byte[] bytes;
    if (target.yaml()) {
      try {
        bytes = Json.YAML.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      bytes = Json.bytes(body);
    }
    Exchanges.send(exchange, code, target.mediaType(), bytes);
  }

  /** Streams a JSON list from the stored bytes without building trees. */
  private static void streamList(
      HttpExchange exchange, ResourceType type, ResourceOperations.Page page, ObjectNode metadata)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
    exchange.sendResponseHeaders(200, 0);
    byte[] itemPrefix =
        type.builtin() ? null : StoredObject.typePrefix(type.apiVersion(), type.kind());
    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 65536)) {
      String head =
          "{\"kind\":"
              + Json.quote(type.kind() + "List")
              + ",\"apiVersion\":"
              + Json.quote(type.apiVersion())
              + ",\"metadata\":"
              + metadata
              + ",\"items\":[";
      out.write(head.getBytes(StandardCharsets.UTF_8));
      boolean first = true;
      for (StoredObject o : page.items()) {
        if (!first) {
          out.write(',');
        }
        first = false;
        o.writeTo(out, itemPrefix);
      }
      out.write(']');
      out.write('}');
    }
  }
}
