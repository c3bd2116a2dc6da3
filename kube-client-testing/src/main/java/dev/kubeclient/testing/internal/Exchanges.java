package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reading request bodies and writing JSON responses on a {@link HttpExchange}. */
public final class Exchanges {
  /** The API server rejects bodies above 3 MiB; so do we. */
  private static final int MAX_BODY = 3 * 1024 * 1024;

  private Exchanges() {}

  /** The whole request body. */
  public static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_BODY) {
          throw ApiError.requestEntityTooLarge(MAX_BODY);
        }
      }
      return out.toByteArray();
    }
  }

  /** Sends {@code json} with status {@code code} and content type {@code contentType}. */
  public static void send(HttpExchange exchange, int code, String contentType, byte[] json)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
    exchange.sendResponseHeaders(code, json.length == 0 ? -1 : json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  /** Sends {@code node} as {@code application/json}. */
  public static void sendJson(HttpExchange exchange, int code, JsonNode node) throws IOException {
    send(exchange, code, "application/json", Json.bytes(node));
  }

  /** Sends the Status of {@code error}, with Retry-After when it has one. */
  public static void sendError(HttpExchange exchange, ApiError error) throws IOException {
    if (error.retryAfterSeconds() > 0) {
      exchange.getResponseHeaders().set("Retry-After", Integer.toString(error.retryAfterSeconds()));
    }
    sendJson(exchange, error.code(), error.toStatus());
  }
}
