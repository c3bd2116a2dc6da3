package dev.kubeclient.informers.cache;

import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.meta.v1.StatusCause;

/** API errors as a server sends them, for reflector tests. */
final class ApiErrors {
  private ApiErrors() {}

  static ApiException expired() {
    return status(410, "Expired", "too old resource version: 1 (2)");
  }

  static ApiException tooManyRequests() {
    return status(429, "TooManyRequests", "too many requests");
  }

  static ApiException internal() {
    return status(500, "InternalError", "etcd leader changed");
  }

  static ApiException badRequest() {
    return status(400, "BadRequest", "sendInitialEvents is not supported");
  }

  static ApiException forbidden() {
    return status(403, "Forbidden", "pods is forbidden");
  }

  static ApiException tooLargeResourceVersion() {
    Status s =
        new Status()
            .code(504)
            .reason("Timeout")
            .message("Too large resource version: 99, current: 5")
            .details(
                d ->
                    d.addToCauses(
                        new StatusCause()
                            .reason("ResourceVersionTooLarge")
                            .message("Too large resource version")));
    return ApiException.fromStatus(s);
  }

  private static ApiException status(int code, String reason, String message) {
    return ApiException.fromStatus(new Status().code(code).reason(reason).message(message));
  }
}
