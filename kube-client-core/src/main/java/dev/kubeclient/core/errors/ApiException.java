package dev.kubeclient.core.errors;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.errors.internal.StatusErrors;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.meta.v1.StatusCause;
import dev.kubeclient.core.meta.v1.StatusDetails;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error the API server reported: the port of apimachinery's {@code errors.StatusError}. It
 * carries the server's {@link Status} (code, reason, message, details, causes) and, when known, the
 * request's verb and URL.
 *
 * <p>{@link #fromStatus} and {@link #fromResponse} pick the subclass from the Status reason ({@code
 * NotFound}, {@code AlreadyExists}, {@code Conflict}, ...) and fall back on the HTTP code when the
 * reason is missing or unknown, as client-go's {@code FromObject} and {@code
 * NewGenericServerResponse} do; {@link Errors} has the matching {@code isNotFound}-style
 * predicates.
 *
 * <p>Instances are immutable after construction, apart from the {@link Status} object they expose,
 * which callers must not modify.
 */
public class ApiException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final transient Status status;
  private final int code;
  private final String reason;
  private final @Nullable String verb;
  private final @Nullable String url;
  private final int retryAfterSeconds;

  /**
   * Creates an exception for {@code status}.
   *
   * @param status the Status the server returned (or one built to describe the failure)
   * @param verb the HTTP verb of the request, if known
   * @param url the request URL or path, if known
   * @param retryAfterSeconds seconds the server asked the client to wait, 0 for none
   */
  public ApiException(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    super(StatusErrors.message(checkNotNull(status, "status"), verb, url));
    this.status = status;
    Integer c = status.getCode();
    this.code = c == null ? 0 : c;
    this.reason = status.getReason() == null ? "" : status.getReason();
    this.verb = verb;
    this.url = url;
    this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
  }

  /**
   * The exception for {@code status}, of the subclass its reason (or, failing that, its code)
   * selects.
   */
  public static ApiException fromStatus(
      Status status, @Nullable String verb, @Nullable String url, int retryAfterSeconds) {
    return StatusErrors.fromStatus(status, verb, url, retryAfterSeconds);
  }

  /** The exception for {@code status}, without request information. */
  public static ApiException fromStatus(Status status) {
    return fromStatus(status, null, null, 0);
  }

  /**
   * The exception for an error response. A body that is a JSON {@code Status} becomes that Status;
   * any other body (an HTML page from a proxy, plain text, nothing) is classified as client-go's
   * {@code NewGenericServerResponse} does: the reason follows from the code and the verb (409 is
   * AlreadyExists for POST and Conflict otherwise, 5xx without a more specific reason is
   * InternalError, codes it does not name get reason Unknown), and the message is client-go's for
   * that code plus at most about 1 KB of the body. The {@code Retry-After} header and {@code
   * details.retryAfterSeconds} both feed {@link #retryAfterSeconds()}. At most a bounded prefix of
   * {@code body} is read; the caller closes it.
   */
  public static ApiException fromResponse(
      int httpCode,
      @Nullable String verb,
      @Nullable String url,
      @Nullable InputStream body,
      @Nullable String contentType,
      Map<String, List<String>> headers) {
    return StatusErrors.fromResponse(httpCode, verb, url, body, contentType, headers);
  }

  /** The exception for an error response whose body is already in memory. */
  public static ApiException fromResponse(
      int httpCode,
      @Nullable String verb,
      @Nullable String url,
      byte @Nullable [] body,
      @Nullable String contentType,
      Map<String, List<String>> headers) {
    return StatusErrors.fromResponse(
        httpCode,
        verb,
        url,
        body == null ? null : new java.io.ByteArrayInputStream(body),
        contentType,
        headers);
  }

  /** The Status the server sent, or the one built to describe a non-Status response. */
  public Status status() {
    return status;
  }

  /** The HTTP status code, 0 if unknown. */
  public int code() {
    return code;
  }

  /** The Status reason, such as {@code NotFound}; empty when the server gave none. */
  public String reason() {
    return reason;
  }

  /** The server's message, or empty. */
  public String serverMessage() {
    String m = status.getMessage();
    return m == null ? "" : m;
  }

  /** The Status details, if any. */
  public @Nullable StatusDetails details() {
    return status.getDetails();
  }

  /**
   * The causes from the Status details (for {@code Invalid}, one per field error); may be empty.
   */
  public List<StatusCause> causes() {
    StatusDetails d = status.getDetails();
    List<StatusCause> causes = d == null ? null : d.getCauses();
    return causes == null ? List.of() : List.copyOf(causes);
  }

  /** The request verb, if known. */
  public @Nullable String verb() {
    return verb;
  }

  /** The request URL or path, if known. */
  public @Nullable String url() {
    return url;
  }

  /**
   * Seconds the server asked the client to wait before retrying (from {@code Retry-After} or {@code
   * details.retryAfterSeconds}); 0 if it did not ask.
   */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
