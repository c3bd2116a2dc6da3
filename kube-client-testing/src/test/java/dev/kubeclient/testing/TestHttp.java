package dev.kubeclient.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** A tiny JSON-over-HTTP client for tests, on java.net.http. */
final class TestHttp {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client;
  private final URI base;
  private final String token;

  TestHttp(EmbeddedApiServer server) {
    this(server, null, "");
  }

  TestHttp(EmbeddedApiServer server, SSLContext ssl, String token) {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (ssl != null) {
      b.sslContext(ssl);
    }
    this.client = b.build();
    this.base = server.url();
    this.token = token;
  }

  record Response(int code, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }
  }

  Response get(String path) {
    return send("GET", path, null, "application/json");
  }

  Response post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  Response put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  Response patch(String path, String contentType, String body) {
    return send("PATCH", path, body, contentType);
  }

  Response delete(String path) {
    return send("DELETE", path, null, "application/json");
  }

  Response delete(String path, String optionsJson) {
    return send("DELETE", path, optionsJson, "application/json");
  }

  Response send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, java.util.Map.of());
  }

  /** Sends with extra request headers (a User-Agent, say). */
  Response send(
      String method,
      String path,
      String body,
      String contentType,
      java.util.Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(r.body());
      return new Response(r.statusCode(), json, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An open watch: events arrive on a queue read by a daemon thread. */
  final class Watch implements AutoCloseable {
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final InputStream stream;
    volatile boolean ended;

    Watch(String path) {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
      if (!token.isEmpty()) {
        b.header("Authorization", "Bearer " + token);
      }
      try {
        stream = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()).body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    events.add(MAPPER.readTree(line));
                  }
                } catch (IOException e) {
                  // stream closed
                } finally {
                  ended = true;
                }
              },
              "test-watch-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next event within 5 seconds, or fails. */
    JsonNode next() {
      try {
        JsonNode e = events.poll(5, TimeUnit.SECONDS);
        if (e == null) {
          throw new AssertionError("no watch event within 5 s");
        }
        return e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** The next event within {@code millis}, or null. */
    JsonNode poll(long millis) throws InterruptedException {
      return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }

  Watch watch(String path) {
    return new Watch(path);
  }

  static String cm(String name, String labelsJson) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\",\"labels\":"
        + labelsJson
        + "},\"data\":{\"k\":\"v\"}}";
  }
}
