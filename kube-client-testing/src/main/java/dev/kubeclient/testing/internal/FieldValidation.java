package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code fieldValidation} directive of the request on the current thread, and what it does with
 * the unknown fields decoding found: {@code Strict} fails the request as the API server's strict
 * decoder does (400 for create and update, 422 on the {@code patch} field for patches), {@code
 * Warn} (the default) adds one {@code Warning} header per field, {@code Ignore} drops them
 * silently. Server-side apply reports nothing here.
 *
 * <p>State is per thread because the server serves each request on one thread; {@link #begin} and
 * {@link #end} bracket a request. Without a request (internal writes) unknown fields are dropped
 * silently.
 */
public final class FieldValidation {
  /** The request being served on this thread. */
  private record Request(String directive, String verb, Headers responseHeaders) {}

  private static final ThreadLocal<@Nullable Request> CURRENT = new ThreadLocal<>();

  private FieldValidation() {}

  /**
   * Starts serving a request: {@code directive} is the fieldValidation parameter (empty means
   * Warn), {@code verb} the request's verb ({@code create}, {@code update}, {@code patch} or {@code
   * apply}).
   */
  public static void begin(String directive, String verb, Headers responseHeaders) {
    CURRENT.set(new Request(directive.isEmpty() ? "Warn" : directive, verb, responseHeaders));
  }

  /** Ends the request of this thread. */
  public static void end() {
    CURRENT.remove();
  }

  /**
   * Reports the unknown fields decoding dropped from {@code object} of {@code type}: throws under
   * Strict, warns under Warn.
   */
  static void report(ResourceType type, ObjectNode object, List<String> unknownPaths) {
    Request request = CURRENT.get();
    if (unknownPaths.isEmpty() || request == null || request.verb().equals("apply")) {
      return;
    }
    List<String> messages = new ArrayList<>();
    for (String path : unknownPaths) {
      messages.add("unknown field " + GoFormat.quote(path));
    }
    switch (request.directive()) {
      case "Strict" -> {
        String strict = "strict decoding error: " + String.join(", ", messages);
        if (request.verb().equals("patch")) {
          throw ApiError.invalidWithoutKind(
              List.of(FieldError.invalid("patch", GoFormat.json(object), strict).cause()));
        }
        throw undecodable(type, strict);
      }
      case "Warn" -> {
        for (String message : messages) {
          request.responseHeaders().add("Warning", "299 - " + GoFormat.quote(message));
        }
      }
      default -> {
        // Ignore: the fields are gone and nobody is told.
      }
    }
  }

  /** The 400 of a body the decoder rejects, as the API server's {@code transformDecodeError}. */
  static ApiError undecodable(ResourceType type, String why) {
    return ApiError.badRequest(
        type.kind()
            + " in version "
            + GoFormat.quote(type.version())
            + " cannot be handled as a "
            + type.kind()
            + ": "
            + why);
  }
}
