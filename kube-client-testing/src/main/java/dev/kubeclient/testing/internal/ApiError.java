package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A failed request, carrying the {@code Status} body the API server answers with. The factory
 * methods produce the reasons, codes, messages and details of apimachinery's {@code
 * k8s.io/apimachinery/pkg/api/errors} constructors, so clients that parse Status see what a real
 * server sends.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final transient ObjectNode details;
  private final int retryAfterSeconds;

  private ApiError(int code, String reason, String message, ObjectNode details, int retryAfter) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.details = details;
    this.retryAfterSeconds = retryAfter;
  }

  /** One field error of an Invalid status. */
  public record Cause(String reason, String message, String field) {}

  /** HTTP status code. */
  public int code() {
    return code;
  }

  /** Seconds for a Retry-After header, or 0 for none. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The Status object for the response body. */
  public ObjectNode toStatus() {
    ObjectNode status = Json.object();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", getMessage());
    status.put("reason", reason);
    if (!details.isEmpty()) {
      status.set("details", details);
    }
    status.put("code", code);
    return status;
  }

  private static ObjectNode details(@Nullable String name, @Nullable String group, String kind) {
    ObjectNode d = Json.object();
    if (name != null && !name.isEmpty()) {
      d.put("name", name);
    }
    if (group != null && !group.isEmpty()) {
      d.put("group", group);
    }
    d.put("kind", kind);
    return d;
  }

  private static String quoted(String name) {
    return "\"" + name + "\"";
  }

  /** 404 for a named object: {@code deployments.apps "x" not found}. */
  public static ApiError notFound(String group, String plural, String name) {
    String qualified = group.isEmpty() ? plural : plural + "." + group;
    return new ApiError(
        404,
        "NotFound",
        qualified + " " + quoted(name) + " not found",
        details(name, group, plural),
        0);
  }

  /** 404 for a URL that names no resource the server knows. */
  public static ApiError pathNotFound() {
    return new ApiError(
        404, "NotFound", "the server could not find the requested resource", Json.object(), 0);
  }

  /** 409 on create of an existing name. */
  public static ApiError alreadyExists(ResourceType type, String name) {
    return new ApiError(
        409,
        "AlreadyExists",
        type.qualifiedResource() + " " + quoted(name) + " already exists",
        details(name, type.group(), type.plural()),
        0);
  }

  /** 409 on a stale resourceVersion. */
  public static ApiError conflict(ResourceType type, String name) {
    return conflict(
        type,
        name,
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }

  /** 409 on a conflict with an explanation of its own (server-side apply, for example). */
  public static ApiError conflict(ResourceType type, String name, String why) {
    return new ApiError(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + type.qualifiedResource()
            + " "
            + quoted(name)
            + ": "
            + why,
        details(name, type.group(), type.plural()),
        0);
  }

  /** 422 with field causes, as validation failures are reported. */
  public static ApiError invalid(ResourceType type, String name, List<Cause> causes) {
    String message = type.qualifiedKind() + " " + quoted(name) + " is invalid" + aggregate(causes);
    ObjectNode d = details(name, type.group(), type.kind());
    putCauses(d, causes);
    return new ApiError(422, "Invalid", message, d, 0);
  }

  /**
   * 422 with field causes and no kind or name, as a patch that decodes into unknown fields is
   * reported under {@code fieldValidation=Strict}.
   */
  public static ApiError invalidWithoutKind(List<Cause> causes) {
    ObjectNode d = Json.object();
    putCauses(d, causes);
    return new ApiError(422, "Invalid", " \"\" is invalid" + aggregate(causes), d, 0);
  }

  /**
   * The causes as utilerrors' aggregate prints them after "is invalid": each distinct {@code field:
   * message} once, in brackets when there are several.
   */
  private static String aggregate(List<Cause> causes) {
    Set<String> messages = new LinkedHashSet<>();
    for (Cause cause : causes) {
      messages.add(cause.field() + ": " + cause.message());
    }
    if (messages.isEmpty()) {
      return "";
    }
    return messages.size() == 1
        ? ": " + messages.iterator().next()
        : ": [" + String.join(", ", messages) + "]";
  }

  /**
   * 422 for request options ({@code CreateOptions}, {@code DeleteOptions}, ...) that decode but are
   * not allowed: {@code DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: ...}.
   */
  public static ApiError invalidOptions(String kind, List<Cause> causes) {
    StringBuilder message = new StringBuilder(kind).append(".meta.k8s.io \"\" is invalid: ");
    List<String> parts = new java.util.ArrayList<>();
    for (Cause c : causes) {
      String part = c.field() + ": " + c.message();
      if (!parts.contains(part)) {
        parts.add(part);
      }
    }
    message.append(parts.size() == 1 ? parts.get(0) : "[" + String.join(", ", parts) + "]");
    ObjectNode d = Json.object();
    d.put("group", "meta.k8s.io");
    d.put("kind", kind);
    putCauses(d, causes);
    return new ApiError(422, "Invalid", message.toString(), d, 0);
  }

  /** 400 with a message. */
  public static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message, Json.object(), 0);
  }

  /** 405 for a verb the resource does not support. */
  public static ApiError methodNotAllowed() {
    return new ApiError(
        405,
        "MethodNotAllowed",
        "the server does not allow this method on the requested resource",
        Json.object(),
        0);
  }

  /** 415 for a body or patch type the server does not accept here. */
  public static ApiError unsupportedMediaType(String contentType, List<String> accepted) {
    return new ApiError(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + String.join(", ", accepted),
        Json.object(),
        0);
  }

  /** 406 when no media type of the Accept header can be served, or a conversion cannot be done. */
  public static ApiError notAcceptable(String message) {
    return new ApiError(406, "NotAcceptable", message, Json.object(), 0);
  }

  /** 410 Expired, as for a compacted resourceVersion or continue token. */
  public static ApiError expired(String message) {
    return new ApiError(410, "Expired", message, Json.object(), 0);
  }

  /** 401 without valid credentials. */
  public static ApiError unauthorized() {
    return new ApiError(401, "Unauthorized", "Unauthorized", Json.object(), 0);
  }

  /** 403 for a request the user may not make, worded as RBAC words it. */
  public static ApiError forbidden(
      String user,
      String verb,
      ResourceType type,
      @Nullable String namespace,
      @Nullable String name) {
    String target = type.qualifiedResource() + (name == null ? "" : " " + quoted(name));
    String scope =
        namespace == null ? "at the cluster scope" : "in the namespace " + quoted(namespace);
    String message =
        target
            + " is forbidden: User "
            + quoted(user)
            + " cannot "
            + verb
            + " resource "
            + quoted(type.plural())
            + " in API group "
            + quoted(type.group())
            + " "
            + scope;
    return new ApiError(403, "Forbidden", message, details(name, type.group(), type.plural()), 0);
  }

  /** 403 for creating in a namespace that is being deleted. */
  public static ApiError namespaceTerminating(ResourceType type, String name, String namespace) {
    ObjectNode d = details(name, type.group(), type.plural());
    ObjectNode cause = d.putArray("causes").addObject();
    cause.put("reason", "NamespaceTerminating");
    cause.put("message", "namespace " + namespace + " is being terminated");
    cause.put("field", "metadata.namespace");
    return new ApiError(
        403,
        "Forbidden",
        type.qualifiedResource()
            + " "
            + quoted(name)
            + " is forbidden: unable to create new content in namespace "
            + namespace
            + " because it is being terminated",
        d,
        0);
  }

  /** 429 with a Retry-After hint. */
  public static ApiError tooManyRequests(int retryAfterSeconds) {
    ObjectNode d = Json.object();
    d.put("retryAfterSeconds", retryAfterSeconds);
    return new ApiError(
        429, "TooManyRequests", "Too many requests, please try again later.", d, retryAfterSeconds);
  }

  /** 500 with the cause's message. */
  public static ApiError internal(String cause) {
    ObjectNode d = Json.object();
    d.putArray("causes").addObject().put("message", cause);
    return new ApiError(500, "InternalError", "Internal error occurred: " + cause, d, 0);
  }

  /** 503, as a server that is starting or overloaded answers. */
  public static ApiError serviceUnavailable() {
    return new ApiError(
        503,
        "ServiceUnavailable",
        "the server is currently unable to handle the request",
        Json.object(),
        0);
  }

  /** 413 for a body above the server's limit. */
  public static ApiError requestEntityTooLarge(int limit) {
    return new ApiError(
        413,
        "RequestEntityTooLarge",
        "Request entity too large: limit is " + limit,
        Json.object(),
        0);
  }

  /** 422 without field causes, as a JSON patch that cannot be applied is reported. */
  public static ApiError unprocessable(String message) {
    return new ApiError(422, "Invalid", message, Json.object(), 0);
  }

  /** 504 for a resourceVersion newer than the server's, as the watch cache answers it. */
  public static ApiError tooLargeResourceVersion(long requested, long current) {
    ObjectNode d = Json.object();
    ObjectNode cause = d.putArray("causes").addObject();
    cause.put("reason", "ResourceVersionTooLarge");
    cause.put("message", "Too large resource version");
    d.put("retryAfterSeconds", 1);
    return new ApiError(
        504,
        "Timeout",
        "Timeout: Too large resource version: " + requested + ", current: " + current,
        d,
        1);
  }

  /** 409 for server-side apply field ownership conflicts: the details carry only the causes. */
  public static ApiError applyConflict(String message, List<Cause> causes) {
    ObjectNode d = Json.object();
    putCauses(d, causes);
    return new ApiError(409, "Conflict", message, d, 0);
  }

  private static void putCauses(ObjectNode details, List<Cause> causes) {
    ArrayNode array = details.putArray("causes");
    for (Cause cause : causes) {
      ObjectNode c = array.addObject();
      c.put("reason", cause.reason());
      c.put("message", cause.message());
      c.put("field", cause.field());
    }
  }
}
