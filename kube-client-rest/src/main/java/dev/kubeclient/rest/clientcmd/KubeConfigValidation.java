package dev.kubeclient.rest.clientcmd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks kubectl's {@code ConfirmUsable} makes of the cluster and user a context uses, with
 * messages that name the file, the entry and the field: files named by the entry are readable now,
 * not when a client is built from the config.
 */
final class KubeConfigValidation {
  private static final Logger log = LoggerFactory.getLogger(KubeConfig.class);

  private KubeConfigValidation() {}

  static void check(Cluster cluster, @Nullable String problem) {
    String where = where("cluster", cluster.name(), cluster.origin());
    if (problem != null) {
      throw new KubeConfigException(where + ": " + problem);
    }
    readable(cluster.certificateAuthority(), "certificate-authority", where);
  }

  static void check(AuthInfo user, @Nullable String problem) {
    String where = where("user", user.name(), user.origin());
    if (problem != null) {
      throw new KubeConfigException(where + ": " + problem);
    }
    readable(user.clientCertificate(), "client-certificate", where);
    readable(user.clientKey(), "client-key", where);
  }

  /** kubectl reads the token file when it builds the config (for https servers). */
  static void checkTokenFile(AuthInfo user) {
    readable(user.tokenFile(), "tokenFile", where("user", user.name(), user.origin()));
  }

  static void warnCredentialsUnused(String server, AuthInfo user) {
    boolean credentials =
        user.token() != null
            || user.tokenFile() != null
            || user.username() != null
            || user.exec() != null
            || user.clientCertificate() != null
            || user.clientCertificateData() != null;
    if (credentials) {
      log.warn(
          "{}: its credentials are not used for {}, which is not https (as kubectl does)",
          where("user", user.name(), user.origin()),
          server);
    }
  }

  private static void readable(@Nullable Path file, String field, String where) {
    if (file == null) {
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      // Opening is the test, as kubectl's validation opens the file.
    } catch (IOException e) {
      throw new KubeConfigException(
          "cannot read "
              + field
              + " "
              + file
              + " of "
              + where
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null || e.getMessage().equals(file.toString())
                  ? ""
                  : " (" + e.getMessage() + ")"),
          e);
    }
  }

  static String where(String kind, String name, @Nullable Path origin) {
    return kind + " '" + name + "'" + (origin == null ? "" : " of " + origin);
  }
}
