package dev.kubeclient.rest.internal;

import dev.kubeclient.rest.RestConfig;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, once per {@link RestConfig}, that its credentials will travel in clear text to an {@code
 * http://} server. client-go sends them all the same, and so does kube-client: dropping them
 * silently would turn a misconfiguration into puzzling 401s.
 */
public final class InsecureCredentials {
  private static final Logger log = LoggerFactory.getLogger(InsecureCredentials.class);

  /** Configs already warned about; weak, so configs are not kept alive by the warning. */
  private static final Set<RestConfig> WARNED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private InsecureCredentials() {}

  /**
   * Logs the warning if {@code config} sends credentials over plain http and was not warned about
   * before.
   *
   * @return whether this call logged it
   */
  public static boolean warnOnce(RestConfig config) {
    boolean credentials =
        config.bearerToken() != null
            || config.bearerTokenFile() != null
            || config.username() != null
            || config.execProvider() != null;
    if (config.isSecure() || !credentials || !WARNED.add(config)) {
      return false;
    }
    log.warn(
        "credentials for {} are sent in clear text: the server URL is http, not https",
        config.host());
    return true;
  }
}
