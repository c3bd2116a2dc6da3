package dev.kubeclient.rest.internal;

import dev.kubeclient.rest.WarningHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each distinct warning text once at WARN (client-go's {@code NewWarningWriter} with {@code
 * Deduplicate}). Remembers at most {@link #MAX_REMEMBERED} texts so that a server sending unique
 * warnings cannot grow memory without bound; past that it logs every warning.
 */
public final class DeduplicatingWarningLogger implements WarningHandler {
  private static final Logger log = LoggerFactory.getLogger(DeduplicatingWarningLogger.class);

  /** Deprecation warnings come in a handful of texts; 1024 is far above any real count. */
  static final int MAX_REMEMBERED = 1024;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  @Override
  public void handleWarning(int code, String agent, String text) {
    if (seen.size() >= MAX_REMEMBERED || seen.add(text)) {
      log.warn("Warning from the API server: {}", text);
    }
  }

  int rememberedCount() {
    return seen.size();
  }
}
