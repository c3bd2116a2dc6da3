package dev.kubeclient.rest.internal;

import dev.kubeclient.rest.WarningHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses RFC 7234 {@code Warning} header values ({@code 299 - "text"}), as client-go's {@code
 * net.ParseWarningHeaders} does; several warnings may share one header value, separated by commas.
 * A handler that throws does not break the request.
 */
public final class Warnings {
  private static final Logger log = LoggerFactory.getLogger(Warnings.class);

  private Warnings() {}

  /** Parses one header value and passes each warning to the handler; skips malformed parts. */
  public static void parse(String header, WarningHandler handler) {
    int i = 0;
    int n = header.length();
    while (i < n) {
      while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == ',')) {
        i++;
      }
      int codeStart = i;
      while (i < n && Character.isDigit(header.charAt(i))) {
        i++;
      }
      if (i - codeStart != 3 || i >= n || header.charAt(i) != ' ') {
        return;
      }
      int code = Integer.parseInt(header.substring(codeStart, i));
      i++;
      int agentStart = i;
      while (i < n && header.charAt(i) != ' ') {
        i++;
      }
      String agent = header.substring(agentStart, i);
      i++;
      if (i >= n || header.charAt(i) != '"') {
        return;
      }
      i++;
      StringBuilder text = new StringBuilder();
      while (i < n && header.charAt(i) != '"') {
        char c = header.charAt(i);
        if (c == '\\' && i + 1 < n) {
          i++;
          c = header.charAt(i);
        }
        text.append(c);
        i++;
      }
      i++;
      // An optional warn-date follows in quotes; skip to the next comma outside quotes.
      boolean quoted = false;
      while (i < n && (quoted || header.charAt(i) != ',')) {
        if (header.charAt(i) == '"') {
          quoted = !quoted;
        }
        i++;
      }
      try {
        handler.handleWarning(code, agent, text.toString());
      } catch (RuntimeException e) {
        log.debug("warning handler failed", e);
      }
    }
  }
}
