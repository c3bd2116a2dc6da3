package dev.kubeclient.rest.clientcmd;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.rest.ImpersonationConfig;
import dev.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A kubeconfig: clusters, users and contexts by name, and the current context (client-go's {@code
 * clientcmdapi.Config}), read from one file or merged from several with kubectl's rules.
 *
 * <pre>{@code
 * KubeConfig kc = LoadingRules.defaults().load();   // $KUBECONFIG or ~/.kube/config
 * RestConfig config = kc.toRestConfig();            // the current context
 * String namespace = kc.namespace();                // the context's namespace or "default"
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class KubeConfig {
  /** A config with nothing in it. */
  public static final KubeConfig EMPTY =
      new KubeConfig(Map.of(), Map.of(), Map.of(), null, List.of(), Map.of());

  private final Map<String, Cluster> clusters;
  private final Map<String, AuthInfo> users;
  private final Map<String, Context> contexts;
  private final @Nullable String currentContext;
  private final List<Path> files;

  /**
   * What kubectl's validation would reject in an entry, by "cluster NAME" or "user NAME": reported
   * only when a context uses the entry, as kubectl validates only the entries it uses.
   */
  private final Map<String, String> problems;

  KubeConfig(
      Map<String, Cluster> clusters,
      Map<String, AuthInfo> users,
      Map<String, Context> contexts,
      @Nullable String currentContext,
      List<Path> files,
      Map<String, String> problems) {
    this.problems = Map.copyOf(problems);
    this.clusters = Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
    this.users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    this.contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
    this.currentContext =
        currentContext == null || currentContext.isEmpty() ? null : currentContext;
    this.files = List.copyOf(files);
  }

  /**
   * Parses a kubeconfig held in a string. Relative paths in it stay relative (to the working
   * directory).
   *
   * @throws KubeConfigException when the YAML is malformed or a field has the wrong type
   */
  public static KubeConfig parse(String yaml) {
    return KubeConfigParser.parse(checkNotNull(yaml, "yaml"), null, null);
  }

  /**
   * Reads one kubeconfig file; relative paths in it are resolved against its directory.
   *
   * @throws KubeConfigException when the file is missing, unreadable or malformed, naming it
   */
  public static KubeConfig load(Path file) {
    checkNotNull(file, "file");
    Path abs = file.toAbsolutePath().normalize();
    String yaml;
    try {
      yaml = Files.readString(abs, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new KubeConfigException("kubeconfig " + abs + " does not exist", e);
    } catch (IOException e) {
      throw new KubeConfigException("cannot read kubeconfig " + abs + ": " + e.getMessage(), e);
    }
    return KubeConfigParser.parse(yaml, abs, abs.getParent());
  }

  /**
   * Merges configs with kubectl's precedence: for clusters, users and contexts the first config
   * that defines a name wins (entries are not merged field by field), and the current context is
   * the first one set.
   */
  public static KubeConfig merge(List<KubeConfig> configs) {
    Map<String, Cluster> clusters = new LinkedHashMap<>();
    Map<String, AuthInfo> users = new LinkedHashMap<>();
    Map<String, Context> contexts = new LinkedHashMap<>();
    String current = null;
    List<Path> files = new ArrayList<>();
    Map<String, String> problems = new LinkedHashMap<>();
    for (KubeConfig c : configs) {
      // The problems of an entry travel with it: only the winning entry's count.
      c.clusters.forEach(
          (name, cluster) -> {
            if (clusters.putIfAbsent(name, cluster) == null) {
              copyProblem(c.problems, problems, "cluster " + name);
            }
          });
      c.users.forEach(
          (name, user) -> {
            if (users.putIfAbsent(name, user) == null) {
              copyProblem(c.problems, problems, "user " + name);
            }
          });
      c.contexts.forEach(contexts::putIfAbsent);
      if (current == null) {
        current = c.currentContext;
      }
      files.addAll(c.files);
    }
    return new KubeConfig(clusters, users, contexts, current, files, problems);
  }

  private static void copyProblem(Map<String, String> from, Map<String, String> to, String key) {
    String p = from.get(key);
    if (p != null) {
      to.put(key, p);
    }
  }

  /** Clusters by name. */
  public Map<String, Cluster> clusters() {
    return clusters;
  }

  /** Users (client-go's AuthInfos) by name. */
  public Map<String, AuthInfo> users() {
    return users;
  }

  /** Contexts by name. */
  public Map<String, Context> contexts() {
    return contexts;
  }

  /** The {@code current-context}, or null. */
  public @Nullable String currentContext() {
    return currentContext;
  }

  /** The files this config was read from, in precedence order. */
  public List<Path> files() {
    return files;
  }

  /** The current context's namespace, or {@code default}. */
  public String namespace() {
    return namespace(null);
  }

  /** The namespace of {@code contextName} (or the current context), or {@code default}. */
  public String namespace(@Nullable String contextName) {
    String name = contextName != null ? contextName : currentContext;
    Context c = name == null ? null : contexts.get(name);
    return c == null || c.namespace() == null || c.namespace().isEmpty()
        ? "default"
        : c.namespace();
  }

  /** Builds the RestConfig of the current context. */
  public RestConfig toRestConfig() {
    return toRestConfig(null);
  }

  /**
   * Builds the RestConfig of a context, as kubectl would connect with it. As kubectl does, it
   * validates the cluster and user the context uses (not the others): files they name must be
   * readable, a field and its {@code -data} twin may not both be set, and a {@code v1} exec plugin
   * must declare its interactiveMode. A server without a scheme means {@code http://}; only an
   * https server gets the cluster's TLS settings and the user's credentials (kubectl drops them for
   * http, and this logs a warning when it does).
   *
   * @param contextName the context, or null for the current context
   * @throws KubeConfigException when the context, its cluster or its user is missing or invalid,
   *     naming the entry, the field and the file
   */
  public RestConfig toRestConfig(@Nullable String contextName) {
    String name = contextName != null ? contextName : currentContext;
    if (name == null) {
      throw new KubeConfigException(
          "no current-context is set and no context was given"
              + (files.isEmpty() ? "" : " (kubeconfig files: " + files + ")"));
    }
    Context ctx = contexts.get(name);
    if (ctx == null) {
      throw new KubeConfigException(
          "context '" + name + "' is not defined" + (files.isEmpty() ? "" : " in " + files));
    }
    String where = "context '" + name + "'" + (ctx.origin() == null ? "" : " of " + ctx.origin());
    if (ctx.cluster() == null || ctx.cluster().isEmpty()) {
      throw new KubeConfigException(where + " names no cluster");
    }
    Cluster cluster = clusters.get(ctx.cluster());
    if (cluster == null) {
      throw new KubeConfigException(
          where + " names cluster '" + ctx.cluster() + "', which is not defined");
    }
    String clusterWhere =
        "cluster '"
            + cluster.name()
            + "'"
            + (cluster.origin() == null ? "" : " of " + cluster.origin());
    if (cluster.server() == null || cluster.server().isEmpty()) {
      throw new KubeConfigException(clusterWhere + " has no server");
    }
    AuthInfo user = null;
    if (ctx.user() != null && !ctx.user().isEmpty()) {
      user = users.get(ctx.user());
      if (user == null) {
        throw new KubeConfigException(
            where + " names user '" + ctx.user() + "', which is not defined");
      }
    }
    KubeConfigValidation.check(cluster, problems.get("cluster " + cluster.name()));
    if (user != null) {
      KubeConfigValidation.check(user, problems.get("user " + user.name()));
    }
    // As kubectl: a server without a scheme is http (kubectl decides before it looks at TLS
    // settings), and only an https server gets the cluster's TLS settings and the user's
    // credentials.
    String server =
        cluster.server().contains("://") ? cluster.server() : "http://" + cluster.server();
    boolean secure = server.regionMatches(true, 0, "https://", 0, 8);
    RestConfig.Builder b = RestConfig.builder();
    try {
      b.host(server);
      if (secure) {
        b.caFile(cluster.certificateAuthority())
            .caData(cluster.certificateAuthorityData())
            .insecure(cluster.insecureSkipTlsVerify())
            .serverName(cluster.tlsServerName());
      }
      if (cluster.proxyUrl() != null && !cluster.proxyUrl().isEmpty()) {
        URI proxy;
        try {
          proxy = new URI(cluster.proxyUrl());
        } catch (java.net.URISyntaxException e) {
          // The URL may carry a password: name the problem, not the text.
          throw new KubeConfigException(
              clusterWhere + ": proxy-url is not a valid URL (" + e.getReason() + ")");
        }
        b.proxyUrl(proxy);
      }
    } catch (IllegalArgumentException e) {
      throw new KubeConfigException(clusterWhere + ": " + e.getMessage(), e);
    }
    if (user != null) {
      if (secure) {
        KubeConfigValidation.checkTokenFile(user);
        applyUser(b, user);
      } else {
        KubeConfigValidation.warnCredentialsUnused(server, user);
        applyImpersonation(b, user);
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new KubeConfigException(where + ": " + e.getMessage(), e);
    }
  }

  private static void applyUser(RestConfig.Builder b, AuthInfo user) {
    String where =
        "user '" + user.name() + "'" + (user.origin() == null ? "" : " of " + user.origin());
    if (user.authProvider() != null) {
      throw new KubeConfigException(
          where
              + " uses auth-provider '"
              + user.authProvider()
              + "', which is not supported; use an exec plugin");
    }
    b.certFile(user.clientCertificate())
        .certData(user.clientCertificateData())
        .keyFile(user.clientKey())
        .keyData(user.clientKeyData())
        .bearerToken(user.token())
        .bearerTokenFile(user.tokenFile())
        .basicAuth(user.username(), user.password())
        .execProvider(user.exec());
    applyImpersonation(b, user);
  }

  private static void applyImpersonation(RestConfig.Builder b, AuthInfo user) {
    if (user.impersonate() != null
        || user.impersonateUid() != null
        || !user.impersonateGroups().isEmpty()) {
      b.impersonate(
          new ImpersonationConfig(
              user.impersonate(),
              user.impersonateUid(),
              user.impersonateGroups(),
              user.impersonateUserExtra()));
    }
  }

  @Override
  public String toString() {
    return "KubeConfig{currentContext="
        + currentContext
        + ", contexts="
        + contexts.keySet()
        + ", clusters="
        + clusters.keySet()
        + ", users="
        + users.keySet()
        + ", files="
        + files
        + "}";
  }
}
