package dev.kubeclient.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of a process running in a pod (client-go's {@code rest.InClusterConfig}): the
 * API server from {@code KUBERNETES_SERVICE_HOST}/{@code KUBERNETES_SERVICE_PORT}, the service
 * account's CA bundle, and its token file, which the transport re-reads when it changes, since
 * bound service-account tokens are rotated about hourly.
 *
 * <p>Stateless; safe for concurrent use.
 */
public final class InClusterConfig {
  /** Where the kubelet mounts the service account's token, CA and namespace. */
  public static final Path SERVICE_ACCOUNT_DIR =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  private InClusterConfig() {}

  /** Whether this process looks like it runs in a pod: the service variables and token exist. */
  public static boolean isAvailable() {
    return isAvailable(System.getenv(), SERVICE_ACCOUNT_DIR);
  }

  static boolean isAvailable(Map<String, String> env, Path dir) {
    return notEmpty(env.get("KUBERNETES_SERVICE_HOST"))
        && notEmpty(env.get("KUBERNETES_SERVICE_PORT"))
        && Files.isRegularFile(dir.resolve("token"));
  }

  /**
   * Builds the in-cluster config.
   *
   * @throws IllegalStateException when not running in a pod, saying what is missing
   */
  public static RestConfig load() {
    return load(System.getenv(), SERVICE_ACCOUNT_DIR);
  }

  static RestConfig load(Map<String, String> env, Path dir) {
    String host = env.get("KUBERNETES_SERVICE_HOST");
    String port = env.get("KUBERNETES_SERVICE_PORT");
    if (!notEmpty(host) || !notEmpty(port)) {
      throw new IllegalStateException(
          "unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and"
              + " KUBERNETES_SERVICE_PORT must be defined");
    }
    Path token = dir.resolve("token");
    if (!Files.isRegularFile(token)) {
      throw new IllegalStateException(
          "unable to load in-cluster configuration: no service account token at " + token);
    }
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    RestConfig.Builder b =
        RestConfig.builder().host("https://" + hostPart + ":" + port).bearerTokenFile(token);
    Path ca = dir.resolve("ca.crt");
    if (Files.isRegularFile(ca)) {
      b.caFile(ca);
    }
    return b.build();
  }

  /**
   * The pod's namespace, as client-go's in-cluster client config finds it: {@code POD_NAMESPACE}
   * (set through the downward API) first, then the service account's {@code namespace} file, else
   * {@code default}. An empty {@code POD_NAMESPACE} counts as unset (client-go would return the
   * empty string, which here means all namespaces).
   */
  public static String namespace() {
    return namespace(System.getenv(), SERVICE_ACCOUNT_DIR);
  }

  static String namespace(Map<String, String> env, Path dir) {
    String fromEnv = env.get("POD_NAMESPACE");
    if (notEmpty(fromEnv)) {
      return fromEnv;
    }
    try {
      String ns = Files.readString(dir.resolve("namespace"), StandardCharsets.UTF_8).strip();
      return ns.isEmpty() ? "default" : ns;
    } catch (IOException e) {
      return "default";
    }
  }

  private static boolean notEmpty(@Nullable String s) {
    return s != null && !s.isEmpty();
  }
}
