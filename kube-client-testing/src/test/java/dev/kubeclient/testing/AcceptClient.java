package dev.kubeclient.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Requests with a chosen Accept header, for the response negotiation tests. */
final class AcceptClient {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  AcceptClient(EmbeddedApiServer server) {
    this.base = server.url();
  }

  /** A response: status, content type and body text. */
  record Response(int code, String contentType, String body) {
    JsonNode json() {
      try {
        return TestHttp.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The lines of a watch stream, each one event. */
    List<JsonNode> events() {
      List<JsonNode> events = new ArrayList<>();
      for (String line : body.split("\n")) {
        if (!line.isBlank()) {
          try {
            events.add(TestHttp.MAPPER.readTree(line));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return events;
    }
  }

  Response get(String path, String accept) {
    return send("GET", path, accept, null);
  }

  /** The first {@code n} events of a watch, then the stream is closed. */
  List<JsonNode> watch(String path, String accept, int n) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET().build();
    try (java.util.stream.Stream<String> lines =
        client.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
      List<JsonNode> events = new ArrayList<>();
      java.util.Iterator<String> it = lines.iterator();
      while (events.size() < n && it.hasNext()) {
        events.add(TestHttp.MAPPER.readTree(it.next()));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response post(String path, String accept, String json) {
    return send("POST", path, accept, json);
  }

  private Response send(String method, String path, String accept, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (accept != null) {
      b.header("Accept", accept);
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
