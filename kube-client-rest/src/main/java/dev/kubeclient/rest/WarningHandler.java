package dev.kubeclient.rest;

import dev.kubeclient.rest.internal.DeduplicatingWarningLogger;

/**
 * Receives the {@code Warning} headers the API server sends (deprecated APIs, ignored fields),
 * client-go's {@code rest.WarningHandler}.
 *
 * <p>Implementations must be safe for concurrent use: requests on many threads call them. They are
 * called on the thread that executes the request, before the response body is decoded, and must not
 * block for long.
 */
@FunctionalInterface
public interface WarningHandler {
  /**
   * Handles one warning.
   *
   * @param code the warn-code, 299 for API server warnings
   * @param agent the warn-agent, usually {@code -}
   * @param text the warning text, unquoted
   */
  void handleWarning(int code, String agent, String text);

  /** The default handler: logs each distinct message once, at WARN. */
  static WarningHandler logOnce() {
    return new DeduplicatingWarningLogger();
  }

  /** A handler that drops every warning. */
  static WarningHandler ignore() {
    return (code, agent, text) -> {};
  }
}
