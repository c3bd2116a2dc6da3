package dev.kubeclient.core.errors.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kubeclient.core.errors.AlreadyExistsException;
import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.BadRequestException;
import dev.kubeclient.core.errors.ConflictException;
import dev.kubeclient.core.errors.ForbiddenException;
import dev.kubeclient.core.errors.GoneException;
import dev.kubeclient.core.errors.InternalErrorException;
import dev.kubeclient.core.errors.InvalidException;
import dev.kubeclient.core.errors.MethodNotSupportedException;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.errors.ResourceExpiredException;
import dev.kubeclient.core.errors.ServerTimeoutException;
import dev.kubeclient.core.errors.ServiceUnavailableException;
import dev.kubeclient.core.errors.TimeoutException;
import dev.kubeclient.core.errors.TooManyRequestsException;
import dev.kubeclient.core.errors.UnauthorizedException;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.meta.v1.StatusCause;
import dev.kubeclient.core.meta.v1.StatusDetails;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps Status objects and raw error responses to the {@code ApiException} family, following
 * client-go's rule: the reason decides; the HTTP code decides only when the reason is missing or
 * not one the API defines.
 */
public final class StatusErrors {
  /** Non-Status bodies are quoted in messages up to this many bytes. */
  public static final int MAX_QUOTED_BODY = 1024;

  private static final int MAX_READ = 256 * 1024;

  private static final Set<String> KNOWN_REASONS =
      Set.of(
          "Unauthorized",
          "Forbidden",
          "NotFound",
          "AlreadyExists",
          "Conflict",
          "Gone",
          "Invalid",
          "ServerTimeout",
          "StoreReadError",
          "Timeout",
          "TooManyRequests",
          "BadRequest",
          "MethodNotAllowed",
          "NotAcceptable",
          "RequestEntityTooLarge",
          "UnsupportedMediaType",
          "InternalError",
          "Expired",
          "ServiceUnavailable");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private StatusErrors() {}

  /**
   * The reason that decides the exception type for a Status with {@code reason} and HTTP {@code
   * code}: the reason itself when the API defines it, else the reason the code implies, else "".
   */
  public static String effectiveReason(@Nullable String reason, int code) {
    if (reason != null && KNOWN_REASONS.contains(reason)) {
      return reason;
    }
    return reasonForCode(code);
  }

  /**
   * The reason an HTTP code implies for a Status whose reason is missing or not one the API
   * defines, as apimachinery's {@code IsNotFound}-style predicates fall back on the code; "" if
   * none.
   */
  public static String reasonForCode(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "RequestEntityTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> "";
    };
  }

  /** See {@link ApiException#fromStatus(Status, String, String, int)}. */
  public static ApiException fromStatus(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    Integer c = status.getCode();
    String reason = effectiveReason(status.getReason(), c == null ? 0 : c);
    int retry = retryAfterSeconds;
    StatusDetails details = status.getDetails();
    if (details != null
        && details.getRetryAfterSeconds() != null
        && details.getRetryAfterSeconds() > 0) {
      retry = details.getRetryAfterSeconds();
    }
    return switch (reason) {
      case "BadRequest" -> new BadRequestException(status, verb, url, retry);
      case "Unauthorized" -> new UnauthorizedException(status, verb, url, retry);
      case "Forbidden" -> new ForbiddenException(status, verb, url, retry);
      case "NotFound" -> new NotFoundException(status, verb, url, retry);
      case "MethodNotAllowed" -> new MethodNotSupportedException(status, verb, url, retry);
      case "AlreadyExists" -> new AlreadyExistsException(status, verb, url, retry);
      case "Conflict" -> new ConflictException(status, verb, url, retry);
      case "Gone" -> new GoneException(status, verb, url, retry);
      case "Expired" -> new ResourceExpiredException(status, verb, url, retry);
      case "Invalid" -> new InvalidException(status, verb, url, retry);
      case "TooManyRequests" -> new TooManyRequestsException(status, verb, url, retry);
      case "InternalError" -> new InternalErrorException(status, verb, url, retry);
      case "ServerTimeout" -> new ServerTimeoutException(status, verb, url, retry);
      case "ServiceUnavailable" -> new ServiceUnavailableException(status, verb, url, retry);
      case "Timeout" -> new TimeoutException(status, verb, url, retry);
      default -> new ApiException(status, verb, url, retry);
    };
  }

  /** See {@link ApiException#fromResponse(int, String, String, InputStream, String, Map)}. */
  public static ApiException fromResponse(
      int httpCode,
      @Nullable String verb,
      @Nullable String url,
      @Nullable InputStream body,
      @Nullable String contentType,
      Map<String, List<String>> headers) {
    byte[] prefix = readPrefix(body);
    int headerRetry = retryAfterHeader(headers);
    Status status = asStatus(prefix, contentType);
    if (status == null) {
      status = genericStatus(httpCode, verb, prefix);
    } else if (status.getCode() == null || status.getCode() == 0) {
      status.setCode(httpCode);
    }
    return fromStatus(status, verb, url, headerRetry);
  }

  private static byte[] readPrefix(@Nullable InputStream body) {
    if (body == null) {
      return new byte[0];
    }
    try {
      return body.readNBytes(MAX_READ);
    } catch (IOException e) {
      return new byte[0]; // the error response itself is what matters; its body is a bonus
    }
  }

  private static @Nullable Status asStatus(byte[] body, @Nullable String contentType) {
    if (body.length == 0 || (contentType != null && !contentType.contains("json"))) {
      return null;
    }
    try {
      // Check the raw kind: the Status model defaults its kind, so any JSON object would pass.
      JsonNode tree = MAPPER.readTree(body);
      if (tree == null || !"Status".equals(tree.path("kind").asText(null))) {
        return null;
      }
      return MAPPER.treeToValue(tree, Status.class);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The Status client-go's {@code NewGenericServerResponse} makes of an error response without a
   * Status body: the reason follows from the code (409 is AlreadyExists for POST and Conflict
   * otherwise, other 5xx InternalError, codes it does not name no reason, so that the predicates
   * fall back on the code as client-go's do), the message is client-go's for that code, and the
   * body is kept as an {@code UnexpectedServerResponse} cause. Unlike client-go, which keeps only
   * text bodies, a body of any type is quoted (up to about 1 KB) in the message when client-go's
   * message would not show it: it is often the only clue.
   */
  static Status genericStatus(int code, @Nullable String verb, byte[] body) {
    String text = quote(body);
    @Nullable String reason;
    String message;
    switch (code) {
      case 409 -> {
        reason = "POST".equals(verb) ? "AlreadyExists" : "Conflict";
        message = "the server reported a conflict";
      }
      case 404 -> {
        reason = "NotFound";
        message = "the server could not find the requested resource";
      }
      case 400 -> {
        reason = "BadRequest";
        message = "the server rejected our request for an unknown reason";
      }
      case 401 -> {
        reason = "Unauthorized";
        message = "the server has asked for the client to provide credentials";
      }
      case 403 -> {
        reason = "Forbidden";
        message = text;
      }
      case 406 -> {
        reason = "NotAcceptable";
        message =
            text.isEmpty()
                ? "the server was unable to respond with a content type that the client supports"
                : text;
      }
      case 415 -> {
        reason = "UnsupportedMediaType";
        message = text;
      }
      case 405 -> {
        reason = "MethodNotAllowed";
        message = "the server does not allow this method on the requested resource";
      }
      case 422 -> {
        reason = "Invalid";
        message = "the server rejected our request due to an error in our request";
      }
      case 503 -> {
        reason = "ServiceUnavailable";
        message = "the server is currently unable to handle the request";
      }
      case 504 -> {
        reason = "Timeout";
        message =
            "the server was unable to return a response in the time allotted, but may still be"
                + " processing the request";
      }
      case 429 -> {
        reason = "TooManyRequests";
        message = "the server has received too many requests and has asked us to try again later";
      }
      default -> {
        if (code >= 500) {
          reason = "InternalError";
          message =
              "an error on the server (\"" + text + "\") has prevented the request from succeeding";
        } else {
          reason = null; // client-go's StatusReasonUnknown; predicates fall back on the code
          message =
              "the server responded with the status code "
                  + code
                  + " but did not return more information";
        }
      }
    }
    if (!text.isEmpty() && !message.contains(text)) {
      message += "; response body: " + text;
    }
    StatusDetails details = new StatusDetails();
    details.setCauses(List.of(new StatusCause().reason("UnexpectedServerResponse").message(text)));
    return new Status()
        .apiVersion("v1")
        .kind("Status")
        .status("Failure")
        .code(code)
        .reason(reason)
        .details(details)
        .message(message);
  }

  /** At most {@link #MAX_QUOTED_BODY} bytes of {@code body} as text, marked when cut. */
  static String quote(byte[] body) {
    int n = Math.min(body.length, MAX_QUOTED_BODY);
    String text = new String(body, 0, n, StandardCharsets.UTF_8).strip();
    return body.length > MAX_QUOTED_BODY ? text + "... (truncated)" : text;
  }

  private static int retryAfterHeader(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null
          && h.getKey().equalsIgnoreCase("Retry-After")
          && h.getValue() != null
          && !h.getValue().isEmpty()) {
        try {
          return Math.max(0, Integer.parseInt(h.getValue().get(0).strip()));
        } catch (NumberFormatException e) {
          return 0; // an HTTP-date; client-go also honours only seconds
        }
      }
    }
    return 0;
  }

  /** The exception message: request, server message, code and reason. */
  public static String message(Status status, @Nullable String verb, @Nullable String url) {
    StringBuilder b = new StringBuilder();
    if (verb != null || url != null) {
      if (verb != null) {
        b.append(verb);
      }
      if (url != null) {
        b.append(b.length() > 0 ? " " : "").append(url);
      }
      b.append(": ");
    }
    String m = status.getMessage();
    b.append(m == null || m.isEmpty() ? "the server reported an error" : m);
    b.append(" (");
    Integer code = status.getCode();
    b.append(code == null ? "no code" : code.toString());
    if (status.getReason() != null && !status.getReason().isEmpty()) {
      b.append(' ').append(status.getReason());
    }
    return b.append(')').toString();
  }
}
