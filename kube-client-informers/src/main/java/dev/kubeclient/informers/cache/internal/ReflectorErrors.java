package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.Errors;
import dev.kubeclient.core.meta.v1.StatusCause;
import java.net.ConnectException;

/** How the reflector classifies failures, as client-go's reflector does. Stateless. */
final class ReflectorErrors {
  private ReflectorErrors() {}

  /** 410: reason Expired or Gone (client-go's {@code isExpiredError}). */
  static boolean isExpired(Throwable t) {
    return Errors.isGone(t) || Errors.codeForError(t) == 410;
  }

  /**
   * The requested resourceVersion is newer than the server has: a cause of type {@code
   * ResourceVersionTooLarge}, or for older servers a Timeout whose message says so.
   */
  static boolean isTooLargeResourceVersion(Throwable t) {
    ApiException e = Errors.findApiException(t);
    if (e == null) {
      return false;
    }
    for (StatusCause cause : e.causes()) {
      if ("ResourceVersionTooLarge".equals(cause.getReason())) {
        return true;
      }
    }
    if (!Errors.isTimeout(t)) {
      return false;
    }
    for (StatusCause cause : e.causes()) {
      if ("Too large resource version".equals(cause.getMessage())) {
        return true;
      }
    }
    return e.serverMessage().contains("Too large resource version");
  }

  /**
   * Whether a watch that could not start should be retried after a backoff without relisting: a
   * refused connection (the server is down; the watch can resume where it was) or 429.
   */
  static boolean isWatchErrorRetriable(Throwable t) {
    return isConnectionRefused(t) || Errors.isTooManyRequests(t);
  }

  static boolean isConnectionRefused(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether the server rejected a watch-list request as such (an old server or a disabled feature),
   * so that trying again is pointless.
   */
  static boolean isWatchListRejected(Throwable t) {
    return Errors.isBadRequest(t) || Errors.isInvalid(t) || Errors.isMethodNotSupported(t);
  }
}
