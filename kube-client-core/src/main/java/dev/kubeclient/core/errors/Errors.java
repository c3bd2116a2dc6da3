package dev.kubeclient.core.errors;

import dev.kubeclient.core.errors.internal.StatusErrors;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Predicates over errors, the counterparts of client-go's {@code errors.IsNotFound(err)} and
 * friends. Each looks for an {@link ApiException} in the throwable and its causes, then decides by
 * the Status reason, falling back on the HTTP code when the reason is missing or unknown, exactly
 * as {@link ApiException#fromStatus} chooses subclasses; so they also work for an {@code
 * ApiException} constructed directly or wrapped in another exception.
 *
 * <p>All methods accept null (answering false, 0 or "") and are thread-safe.
 */
public final class Errors {
  private Errors() {}

  /** The first {@link ApiException} in {@code t} and its causes, or null. */
  public static @Nullable ApiException findApiException(@Nullable Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ApiException e) {
        return e;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  /** The Status reason that applies to {@code t}, e.g. {@code NotFound}; "" if none. */
  public static String reasonForError(@Nullable Throwable t) {
    ApiException e = findApiException(t);
    return e == null ? "" : StatusErrors.effectiveReason(e.reason(), e.code());
  }

  /** The HTTP code of the API error in {@code t}, 0 if none. */
  public static int codeForError(@Nullable Throwable t) {
    ApiException e = findApiException(t);
    return e == null ? 0 : e.code();
  }

  private static boolean is(@Nullable Throwable t, String reason) {
    return reasonForError(t).equals(reason);
  }

  /** The object or resource does not exist. */
  public static boolean isNotFound(@Nullable Throwable t) {
    return is(t, "NotFound");
  }

  /** A create named an existing object. */
  public static boolean isAlreadyExists(@Nullable Throwable t) {
    return is(t, "AlreadyExists");
  }

  /** An update or patch lost an optimistic-concurrency race. */
  public static boolean isConflict(@Nullable Throwable t) {
    return is(t, "Conflict");
  }

  /** The object failed validation. */
  public static boolean isInvalid(@Nullable Throwable t) {
    return is(t, "Invalid");
  }

  /**
   * The resource version is gone: reason {@code Gone}, reason {@code Expired}, or HTTP 410. Unlike
   * client-go's {@code IsGone} this includes {@code Expired}, so one check tells a list or watch to
   * start over.
   */
  public static boolean isGone(@Nullable Throwable t) {
    String r = reasonForError(t);
    return r.equals("Gone") || r.equals("Expired");
  }

  /** The resource version was compacted away (reason {@code Expired}). */
  public static boolean isResourceExpired(@Nullable Throwable t) {
    return is(t, "Expired");
  }

  /** The caller may not perform the action. */
  public static boolean isForbidden(@Nullable Throwable t) {
    return is(t, "Forbidden");
  }

  /** The request lacked valid credentials. */
  public static boolean isUnauthorized(@Nullable Throwable t) {
    return is(t, "Unauthorized");
  }

  /** The server is throttling the client. */
  public static boolean isTooManyRequests(@Nullable Throwable t) {
    return is(t, "TooManyRequests");
  }

  /** The request timed out (reason {@code Timeout}, HTTP 504). */
  public static boolean isTimeout(@Nullable Throwable t) {
    return is(t, "Timeout");
  }

  /** The server could not finish in time (reason {@code ServerTimeout}). */
  public static boolean isServerTimeout(@Nullable Throwable t) {
    return is(t, "ServerTimeout");
  }

  /** The server failed unexpectedly. */
  public static boolean isInternalError(@Nullable Throwable t) {
    return is(t, "InternalError");
  }

  /** The server or an aggregated API is unavailable. */
  public static boolean isServiceUnavailable(@Nullable Throwable t) {
    return is(t, "ServiceUnavailable");
  }

  /** The request was malformed. */
  public static boolean isBadRequest(@Nullable Throwable t) {
    return is(t, "BadRequest");
  }

  /** The resource does not support the verb. */
  public static boolean isMethodNotSupported(@Nullable Throwable t) {
    return is(t, "MethodNotAllowed");
  }

  /**
   * How many seconds the server asked the client to wait, as client-go's {@code
   * SuggestsClientDelay}: present when the error carries a retry-after of more than 0 seconds.
   */
  public static OptionalInt suggestsClientDelay(@Nullable Throwable t) {
    ApiException e = findApiException(t);
    return e == null || e.retryAfterSeconds() <= 0
        ? OptionalInt.empty()
        : OptionalInt.of(e.retryAfterSeconds());
  }
}
