package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.rest.internal.Redact;
import dev.kubeclient.rest.internal.UserAgents;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How to reach and authenticate to one Kubernetes API server: client-go's {@code rest.Config}.
 *
 * <p>Obtain one from a kubeconfig ({@code KubeConfigLoader}), from the pod's service account
 * ({@link InClusterConfig}), or build it:
 *
 * <pre>{@code
 * RestConfig config = RestConfig.builder()
 *     .host("https://127.0.0.1:6443")
 *     .caData(caPem)
 *     .bearerToken(token)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use; derive variants with {@link #newBuilder()}. A config is
 * only a description: the connection pool lives in the {@link Transport} made from it. Secrets
 * (token, password, client key, the proxy URL's password, exec arguments and environment) are
 * redacted in {@link #toString()}.
 */
public final class RestConfig {
  /** client-go's default sustained queries per second. */
  public static final double DEFAULT_QPS = 5;

  /** client-go's default burst. */
  public static final int DEFAULT_BURST = 10;

  private final String host;
  private final String apiPath;
  private final @Nullable Path caFile;
  private final byte @Nullable [] caData;
  private final @Nullable Path certFile;
  private final byte @Nullable [] certData;
  private final @Nullable Path keyFile;
  private final byte @Nullable [] keyData;
  private final @Nullable String serverName;
  private final boolean insecure;
  private final @Nullable String bearerToken;
  private final @Nullable Path bearerTokenFile;
  private final @Nullable String username;
  private final @Nullable String password;
  private final @Nullable ExecConfig execProvider;
  private final ImpersonationConfig impersonate;
  private final double qps;
  private final int burst;
  private final @Nullable RateLimiter rateLimiter;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration requestTimeout;
  private final String userAgent;
  private final @Nullable URI proxyUrl;
  private final WarningHandler warningHandler;

  private RestConfig(Builder b) {
    this.host = checkNotNull(b.host, "host");
    this.apiPath = b.apiPath;
    this.caFile = b.caFile;
    this.caData = b.caData;
    this.certFile = b.certFile;
    this.certData = b.certData;
    this.keyFile = b.keyFile;
    this.keyData = b.keyData;
    this.serverName = b.serverName;
    this.insecure = b.insecure;
    this.bearerToken = b.bearerToken;
    this.bearerTokenFile = b.bearerTokenFile;
    this.username = b.username;
    this.password = b.password;
    this.execProvider = b.execProvider;
    this.impersonate = b.impersonate;
    this.qps = b.qps;
    this.burst = b.burst;
    this.rateLimiter = b.rateLimiter;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.requestTimeout = b.requestTimeout;
    this.userAgent = b.userAgent;
    this.proxyUrl = b.proxyUrl;
    this.warningHandler = b.warningHandler;
  }

  /** Returns an empty builder; {@link Builder#host(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this config's values. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The server URL, {@code https://host:port} with an optional path prefix. */
  public String host() {
    return host;
  }

  /**
   * The API path prefix; empty means "derive from the group": {@code /api} for the core group,
   * {@code /apis} otherwise.
   */
  public String apiPath() {
    return apiPath;
  }

  /** PEM file of trusted CA certificates; null to use {@link #caData()} or the JDK's. */
  public @Nullable Path caFile() {
    return caFile;
  }

  /** PEM bytes of trusted CA certificates (a copy); null when unset. Wins over the file. */
  public byte @Nullable [] caData() {
    return caData == null ? null : caData.clone();
  }

  /** PEM file of the client certificate. */
  public @Nullable Path certFile() {
    return certFile;
  }

  /** PEM bytes of the client certificate (a copy). */
  public byte @Nullable [] certData() {
    return certData == null ? null : certData.clone();
  }

  /** PEM file of the client key (PKCS#1, PKCS#8 or SEC1). */
  public @Nullable Path keyFile() {
    return keyFile;
  }

  /** PEM bytes of the client key (a copy). */
  public byte @Nullable [] keyData() {
    return keyData == null ? null : keyData.clone();
  }

  /** The name used for SNI and certificate verification instead of the host name. */
  public @Nullable String serverName() {
    return serverName;
  }

  /** Whether the server certificate is not verified; insecure, for tests only. */
  public boolean insecure() {
    return insecure;
  }

  /** A fixed bearer token. */
  public @Nullable String bearerToken() {
    return bearerToken;
  }

  /** A file holding the bearer token, re-read when it changes; wins over {@link #bearerToken}. */
  public @Nullable Path bearerTokenFile() {
    return bearerTokenFile;
  }

  /** Basic-auth user name. */
  public @Nullable String username() {
    return username;
  }

  /** Basic-auth password. */
  public @Nullable String password() {
    return password;
  }

  /** An exec credential plugin. */
  public @Nullable ExecConfig execProvider() {
    return execProvider;
  }

  /** Impersonation; {@link ImpersonationConfig#NONE} when unused. */
  public ImpersonationConfig impersonate() {
    return impersonate;
  }

  /** Sustained requests per second of the default token bucket. */
  public double qps() {
    return qps;
  }

  /** Burst of the default token bucket. */
  public int burst() {
    return burst;
  }

  /** A custom rate limiter replacing the qps/burst bucket; null for the default. */
  public @Nullable RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** TCP and TLS connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Longest silence while reading a unary response; zero, the default, for none, as in client-go
   * (the server's own timeout, TCP keepalive and HTTP/2 pings guard against dead peers). Never
   * applies to watches and streams.
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * The absolute deadline of a unary call, including retries but not the wait for the rate limiter,
   * also sent as the {@code timeout} query parameter (client-go's {@code Config.Timeout}); zero,
   * the default, for none. A request's own {@code timeout(..)} replaces it. Unlike client-go, where
   * it also cuts watches short, it never applies to watches and streams, nor is it sent with them:
   * a config's timeout meant for unary calls should not end every watch and followed log.
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The User-Agent header. */
  public String userAgent() {
    return userAgent;
  }

  /**
   * The proxy ({@code http}, {@code https} or {@code socks5} URL); null to use {@code
   * HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} from the environment like Go's {@code
   * http.ProxyFromEnvironment}. User and password in an http(s) proxy URL (here or in the
   * environment) are sent as a basic {@code Proxy-Authorization}, as Go does.
   */
  public @Nullable URI proxyUrl() {
    return proxyUrl;
  }

  /** Receives the server's {@code Warning} headers. */
  public WarningHandler warningHandler() {
    return warningHandler;
  }

  /**
   * Whether {@link #host()} uses https. Credentials are sent over plain http too, as client-go
   * sends them; unlike client-go, the transport then logs one warning per config that they travel
   * in clear text, since nothing else would tell the user.
   */
  public boolean isSecure() {
    return host.toLowerCase(Locale.ROOT).startsWith("https://");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RestConfig{host=").append(host);
    if (!apiPath.isEmpty()) {
      sb.append(", apiPath=").append(apiPath);
    }
    appendIf(sb, "caFile", caFile);
    appendIf(sb, "caData", caData == null ? null : "--- TRUNCATED ---");
    appendIf(sb, "certFile", certFile);
    appendIf(sb, "certData", certData == null ? null : "--- TRUNCATED ---");
    appendIf(sb, "keyFile", keyFile);
    appendIf(sb, "keyData", keyData == null ? null : "--- REDACTED ---");
    appendIf(sb, "serverName", serverName);
    if (insecure) {
      sb.append(", insecure=true");
    }
    appendIf(sb, "bearerToken", bearerToken == null ? null : "--- REDACTED ---");
    appendIf(sb, "bearerTokenFile", bearerTokenFile);
    appendIf(sb, "username", username);
    appendIf(sb, "password", password == null ? null : "--- REDACTED ---");
    appendIf(sb, "execProvider", execProvider);
    if (impersonate.isEnabled()) {
      sb.append(", impersonate=").append(impersonate);
    }
    sb.append(", qps=").append(qps).append(", burst=").append(burst);
    appendIf(sb, "proxyUrl", proxyUrl == null ? null : Redact.url(proxyUrl));
    return sb.append(", userAgent=").append(userAgent).append('}').toString();
  }

  private static void appendIf(StringBuilder sb, String name, @Nullable Object value) {
    if (value != null) {
      sb.append(", ").append(name).append('=').append(value);
    }
  }

  /**
   * Builds a {@link RestConfig}. Setters check their argument when called; not thread-safe.
   * Byte-array arguments are copied.
   */
  public static final class Builder {
    private @Nullable String host;

    /** Whether {@link #host} names its scheme; if not, build() picks it from the TLS settings. */
    private boolean hostHasScheme = true;

    private String apiPath = "";
    private @Nullable Path caFile;
    private byte @Nullable [] caData;
    private @Nullable Path certFile;
    private byte @Nullable [] certData;
    private @Nullable Path keyFile;
    private byte @Nullable [] keyData;
    private @Nullable String serverName;
    private boolean insecure;
    private @Nullable String bearerToken;
    private @Nullable Path bearerTokenFile;
    private @Nullable String username;
    private @Nullable String password;
    private @Nullable ExecConfig execProvider;
    private ImpersonationConfig impersonate = ImpersonationConfig.NONE;
    private double qps = DEFAULT_QPS;
    private int burst = DEFAULT_BURST;
    private @Nullable RateLimiter rateLimiter;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ZERO;
    private Duration requestTimeout = Duration.ZERO;
    private String userAgent = UserAgents.DEFAULT;
    private @Nullable URI proxyUrl;
    private WarningHandler warningHandler = WarningHandler.logOnce();

    private Builder() {}

    private Builder(RestConfig c) {
      host = c.host;
      apiPath = c.apiPath;
      caFile = c.caFile;
      caData = c.caData;
      certFile = c.certFile;
      certData = c.certData;
      keyFile = c.keyFile;
      keyData = c.keyData;
      serverName = c.serverName;
      insecure = c.insecure;
      bearerToken = c.bearerToken;
      bearerTokenFile = c.bearerTokenFile;
      username = c.username;
      password = c.password;
      execProvider = c.execProvider;
      impersonate = c.impersonate;
      qps = c.qps;
      burst = c.burst;
      rateLimiter = c.rateLimiter;
      connectTimeout = c.connectTimeout;
      readTimeout = c.readTimeout;
      requestTimeout = c.requestTimeout;
      userAgent = c.userAgent;
      proxyUrl = c.proxyUrl;
      warningHandler = c.warningHandler;
    }

    /**
     * Sets the server: a URL such as {@code https://10.0.0.1:6443}, or {@code host:port}, which
     * means https when the config has TLS settings (a CA, a client certificate or insecure) and
     * http otherwise, as client-go's {@code DefaultServerURL} decides. A trailing slash is dropped.
     *
     * @throws IllegalArgumentException when the URL is not http(s) or has a query
     */
    public Builder host(String host) {
      checkNotNull(host, "host");
      String h = host.strip();
      checkArgument(!h.isEmpty(), "host is empty");
      boolean hasScheme = h.contains("://");
      URI uri;
      try {
        uri = URI.create(hasScheme ? h : "https://" + h);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("host is not a valid URL: '" + host + "'", e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      checkArgument(
          scheme.equals("https") || scheme.equals("http"),
          "host must be an http or https URL, not '%s'",
          host);
      checkArgument(uri.getHost() != null, "host has no host name: '%s'", host);
      checkArgument(
          uri.getRawQuery() == null && uri.getRawFragment() == null,
          "host must not have a query or fragment: '%s'",
          host);
      while (h.endsWith("/")) {
        h = h.substring(0, h.length() - 1);
      }
      this.host = h;
      this.hostHasScheme = hasScheme;
      return this;
    }

    /** Sets the API path prefix, such as {@code /api}; empty to derive it from the group. */
    public Builder apiPath(String apiPath) {
      checkNotNull(apiPath, "apiPath");
      checkArgument(
          apiPath.isEmpty() || apiPath.startsWith("/"),
          "apiPath must start with '/': '%s'",
          apiPath);
      this.apiPath = apiPath;
      return this;
    }

    /** Sets the CA bundle file. */
    public Builder caFile(@Nullable Path caFile) {
      this.caFile = caFile;
      return this;
    }

    /** Sets the CA bundle PEM bytes. */
    public Builder caData(byte @Nullable [] caData) {
      this.caData = caData == null ? null : caData.clone();
      return this;
    }

    /** Sets the client certificate file. */
    public Builder certFile(@Nullable Path certFile) {
      this.certFile = certFile;
      return this;
    }

    /** Sets the client certificate PEM bytes. */
    public Builder certData(byte @Nullable [] certData) {
      this.certData = certData == null ? null : certData.clone();
      return this;
    }

    /** Sets the client key file. */
    public Builder keyFile(@Nullable Path keyFile) {
      this.keyFile = keyFile;
      return this;
    }

    /** Sets the client key PEM bytes. */
    public Builder keyData(byte @Nullable [] keyData) {
      this.keyData = keyData == null ? null : keyData.clone();
      return this;
    }

    /** Sets the TLS server name used for SNI and verification. */
    public Builder serverName(@Nullable String serverName) {
      this.serverName = serverName == null || serverName.isEmpty() ? null : serverName;
      return this;
    }

    /** Turns server certificate verification off (insecure). */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /** Sets a fixed bearer token. */
    public Builder bearerToken(@Nullable String bearerToken) {
      this.bearerToken = bearerToken == null || bearerToken.isEmpty() ? null : bearerToken;
      return this;
    }

    /** Sets a file holding the bearer token. */
    public Builder bearerTokenFile(@Nullable Path bearerTokenFile) {
      this.bearerTokenFile = bearerTokenFile;
      return this;
    }

    /** Sets basic-auth user name and password; nulls remove them. */
    public Builder basicAuth(@Nullable String username, @Nullable String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /** Sets the exec credential plugin. */
    public Builder execProvider(@Nullable ExecConfig execProvider) {
      this.execProvider = execProvider;
      return this;
    }

    /** Sets impersonation. */
    public Builder impersonate(ImpersonationConfig impersonate) {
      this.impersonate = checkNotNull(impersonate, "impersonate");
      return this;
    }

    /**
     * Sets the sustained rate of the default token bucket.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder qps(double qps) {
      checkArgument(qps > 0 && !Double.isNaN(qps), "qps must be positive: %s", qps);
      this.qps = qps;
      return this;
    }

    /**
     * Sets the burst of the default token bucket.
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public Builder burst(int burst) {
      checkArgument(burst >= 1, "burst must be at least 1: %s", burst);
      this.burst = burst;
      return this;
    }

    /** Sets a custom rate limiter, replacing qps/burst; null restores the default. */
    public Builder rateLimiter(@Nullable RateLimiter rateLimiter) {
      this.rateLimiter = rateLimiter;
      return this;
    }

    /** Sets the connect timeout; must be positive. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = checkTimeout(connectTimeout, "connectTimeout", false);
      return this;
    }

    /** Sets the read timeout of unary calls; zero for none. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = checkTimeout(readTimeout, "readTimeout", true);
      return this;
    }

    /** Sets the absolute deadline of unary calls; zero for none. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = checkTimeout(requestTimeout, "requestTimeout", true);
      return this;
    }

    /** Sets the User-Agent. */
    public Builder userAgent(String userAgent) {
      checkNotNull(userAgent, "userAgent");
      checkArgument(!userAgent.isBlank(), "userAgent is blank");
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets the proxy URL ({@code http}, {@code https} or {@code socks5}); null for the
     * environment's.
     */
    public Builder proxyUrl(@Nullable URI proxyUrl) {
      if (proxyUrl != null) {
        String scheme =
            proxyUrl.getScheme() == null ? "" : proxyUrl.getScheme().toLowerCase(Locale.ROOT);
        checkArgument(
            Arrays.asList("http", "https", "socks5").contains(scheme) && proxyUrl.getHost() != null,
            "proxyUrl must be an http, https or socks5 URL with a host: '%s'",
            Redact.url(proxyUrl));
      }
      this.proxyUrl = proxyUrl;
      return this;
    }

    /** Sets the warning handler. */
    public Builder warningHandler(WarningHandler warningHandler) {
      this.warningHandler = checkNotNull(warningHandler, "warningHandler");
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws NullPointerException when no host was set
     * @throws IllegalArgumentException for a client certificate without key or the reverse
     */
    public RestConfig build() {
      checkNotNull(host, "host");
      if (!hostHasScheme) {
        boolean tls =
            caData != null || caFile != null || certData != null || certFile != null || insecure;
        host = (tls ? "https://" : "http://") + host;
        hostHasScheme = true;
      }
      boolean hasCert = certData != null || certFile != null;
      boolean hasKey = keyData != null || keyFile != null;
      checkArgument(
          hasCert == hasKey,
          "a client certificate needs a client key and the reverse (certificate %s, key %s)",
          hasCert ? "set" : "unset",
          hasKey ? "set" : "unset");
      // As client-go: a request carries one Authorization header, so two sources would leave it
      // to chance which credential the server sees.
      checkArgument(
          username == null || (bearerToken == null && bearerTokenFile == null),
          "basic auth and a bearer token (or token file) cannot both be set");
      return new RestConfig(this);
    }

    private static Duration checkTimeout(Duration d, String name, boolean zeroAllowed) {
      checkNotNull(d, name);
      checkArgument(
          !d.isNegative() && (zeroAllowed || !d.isZero()),
          "%s must be %s: %s",
          name,
          zeroAllowed ? "zero or positive" : "positive",
          d);
      return d;
    }
  }
}
