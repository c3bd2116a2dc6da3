package dev.kubeclient.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.kubeclient.core.internal.Preconditions;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.testing.internal.ApiError;
import dev.kubeclient.testing.internal.ApiHandler;
import dev.kubeclient.testing.internal.Authenticator;
import dev.kubeclient.testing.internal.BuiltinTypes;
import dev.kubeclient.testing.internal.Discovery;
import dev.kubeclient.testing.internal.FaultState;
import dev.kubeclient.testing.internal.Json;
import dev.kubeclient.testing.internal.Kubeconfig;
import dev.kubeclient.testing.internal.ObjectRules;
import dev.kubeclient.testing.internal.ObjectStore;
import dev.kubeclient.testing.internal.ResourceOperations;
import dev.kubeclient.testing.internal.ResourceRegistry;
import dev.kubeclient.testing.internal.ResourceType;
import dev.kubeclient.testing.internal.ServiceAllocator;
import dev.kubeclient.testing.internal.Tls;
import dev.kubeclient.testing.internal.WatchStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory Kubernetes API server speaking the REST API over real HTTP or HTTPS on loopback:
 * discovery, CRUD, list with selectors and pagination, watch with bookmarks and history, patch
 * (JSON, merge, strategic, server-side apply), deletion with finalizers and owner propagation,
 * namespaces, CustomResourceDefinitions, authentication and fault injection. It stands in for a
 * small real cluster in tests and examples, as envtest does for client-go, and kubectl can use it
 * through {@link #kubeconfigPath()}.
 *
 * <p>Objects are stored as JSON, independent of any model classes. It reports itself as the
 * Kubernetes version of the spec it was generated from ({@code /version} says 1.36) and serves what
 * a default API server of that version serves: every built-in resource of the GA group versions,
 * plus the alpha and beta versions {@link Builder#enableVersions} turns on. A created
 * CustomResourceDefinition makes its resource servable immediately.
 *
 * <p>Responses are negotiated by the Accept header (JSON, YAML, PartialObjectMetadata, server-side
 * Tables with the columns {@code kubectl get} shows against a cluster), and built-in kinds are
 * defaulted as the API server defaults them (Services get cluster IPs from {@link
 * Builder#serviceClusterIpRange}). What still differs from a real server (no controllers, no
 * kubelet, no protobuf, ...) is listed in one table in the {@linkplain dev.kubeclient.testing
 * package documentation}.
 *
 * <p>Lifecycle: new → running ({@link #start()}) → closed ({@link #close()}). {@code start()} on a
 * running server and {@code close()} on a closed one do nothing; {@code start()} after {@code
 * close()} throws {@link IllegalStateException}. {@code close()} blocks until the request threads
 * have ended. Request threads are daemon threads named {@code kube-embedded-apiserver-<n>}; the JDK
 * HTTP server's dispatcher thread ({@code HTTP-Dispatcher}) is a daemon too and ends at close. Safe
 * for concurrent use.
 *
 * <pre>{@code
 * try (EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start()) {
 *   Path kubeconfig = server.kubeconfigPath();   // for kubectl or RestConfig loading
 *   server.faults().failNext(1, 503);
 * }
 * }</pre>
 */
public final class EmbeddedApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedApiServer.class);
  private static final List<String> INITIAL_NAMESPACES =
      List.of("default", "kube-system", "kube-public", "kube-node-lease");
  private static final AtomicInteger SERVER_IDS = new AtomicInteger();

  static {
    // The JDK server leaves Nagle's algorithm on, which with delayed ACKs costs ~40 ms per small
    // response on a kept-alive connection. The property is read once, when the first server of
    // the JVM is created, so it is set here unless the user chose a value.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  private final int requestedPort;
  private final boolean https;
  private final int historyLimit;
  private final Duration bookmarkInterval;
  private final Clock clock;
  private final Map<String, String> tokens;
  private final boolean authentication;
  private final List<Authenticator.Rule> rules;
  private final String serviceClusterIpRange;
  private final Set<String> enabledVersions;
  private final FaultState faultState = new FaultState();
  private final Faults faults;
  private final ObjectStore store;
  private final ResourceRegistry registry;
  private final ResourceOperations operations;
  private final Object lifecycle = new Object();

  /** Guarded by {@code lifecycle}. */
  private State state = State.NEW;

  /** Set at start. Guarded by {@code lifecycle}. */
  private @Nullable HttpServer http;

  private @Nullable ExecutorService executor;
  private @Nullable ApiHandler handler;
  private @Nullable Tls tls;
  private volatile int port;
  private volatile @Nullable Path kubeconfigFile;
  private volatile String kubeconfig = "";
  private volatile @Nullable String adminToken;

  private EmbeddedApiServer(Builder b) {
    this.requestedPort = b.port;
    this.https = b.https;
    this.historyLimit = b.historyLimit;
    this.bookmarkInterval = b.bookmarkInterval;
    this.clock = b.clock;
    this.tokens = Map.copyOf(b.tokens);
    this.authentication = b.authentication || !b.tokens.isEmpty();
    this.rules = List.copyOf(b.rules);
    this.store = new ObjectStore(historyLimit, 1);
    this.enabledVersions = Set.copyOf(b.enabledVersions);
    this.registry = new ResourceRegistry(BuiltinTypes.enabled(enabledVersions));
    RandomGenerator random = b.random != null ? b.random : new SecureRandom();
    this.serviceClusterIpRange = b.serviceClusterIpRange;
    this.operations =
        new ResourceOperations(
            store,
            registry,
            new ObjectRules(clock, random),
            new ServiceAllocator(serviceClusterIpRange, random));
    this.faults = new Faults(faultState, store, this);
  }

  /** A builder with the defaults: HTTPS on an ephemeral port, open access. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** A builder with this server's configuration, to start another one like it. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = requestedPort;
    b.https = https;
    b.historyLimit = historyLimit;
    b.bookmarkInterval = bookmarkInterval;
    b.clock = clock;
    b.tokens.putAll(tokens);
    b.authentication = authentication;
    b.rules.addAll(rules);
    b.serviceClusterIpRange = serviceClusterIpRange;
    b.enabledVersions.addAll(enabledVersions);
    return b;
  }

  /**
   * Binds the port, creates the initial namespaces and writes the kubeconfig file. Does nothing if
   * already running.
   *
   * @throws IllegalStateException after {@link #close()}
   * @throws UncheckedIOException when the port cannot be bound
   */
  public EmbeddedApiServer start() {
    synchronized (lifecycle) {
      Preconditions.checkState(state != State.CLOSED, "server is closed");
      if (state == State.RUNNING) {
        return this;
      }
      int id = SERVER_IDS.incrementAndGet();
      AtomicInteger threads = new AtomicInteger();
      ThreadFactory factory =
          r -> {
            Thread t =
                new Thread(r, "kube-embedded-apiserver-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
      executor =
          new ThreadPoolExecutor(
              0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
      tls = https ? new Tls() : null;
      Map<String, String> allTokens = new LinkedHashMap<>(tokens);
      if (authentication && !https) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        adminToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        allTokens.put(adminToken, Authenticator.SUPERUSER);
      }
      Authenticator authenticator = new Authenticator(allTokens, authentication, rules);
      try {
        http = bind(requestedPort);
      } catch (IOException e) {
        executor.shutdownNow();
        throw new UncheckedIOException("cannot bind port " + requestedPort, e);
      }
      port = http.getAddress().getPort();
      Discovery discovery =
          new Discovery(registry, InetAddress.getLoopbackAddress().getHostAddress() + ":" + port);
      WatchStream watches =
          new WatchStream(store, faultState, bookmarkInterval, clock::millis, operations::present);
      handler = new ApiHandler(registry, operations, discovery, faultState, authenticator, watches);
      http.createContext("/", handler);
      http.setExecutor(executor);
      startDaemon(http);
      createInitialNamespaces();
      kubeconfig = Kubeconfig.yaml(url().toString(), tls, adminToken);
      kubeconfigFile = writeKubeconfig(kubeconfig);
      state = State.RUNNING;
      log.debug("Embedded API server listening on {}", url());
      return this;
    }
  }

  /**
   * Starts {@code server} from a daemon thread: the JDK server's dispatcher thread inherits the
   * daemon status of the thread that starts it, and must not keep a JVM alive whose test forgot
   * {@link #close()}.
   */
  private static void startDaemon(HttpServer server) {
    Thread starter = new Thread(server::start, "kube-embedded-apiserver-start");
    starter.setDaemon(true);
    starter.start();
    boolean interrupted = false;
    while (true) {
      try {
        starter.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpServer bind(int bindPort) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), bindPort);
    if (tls == null) {
      return HttpServer.create(address, 1024);
    }
    HttpsServer server = HttpsServer.create(address, 1024);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls.serverContext()) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
            // Client certificates are optional: bearer tokens and open access work without.
            parameters.setWantClientAuth(true);
            params.setSSLParameters(parameters);
          }
        });
    return server;
  }

  private void createInitialNamespaces() {
    for (String ns : INITIAL_NAMESPACES) {
      ObjectNode namespace = Json.object();
      namespace.putObject("metadata").put("name", ns);
      ResourceType type = registry.find("", "v1", "namespaces");
      try {
        operations.create(type, null, namespace);
      } catch (ApiError e) {
        // Already there after a restart that kept the state.
      }
    }
  }

  private static Path writeKubeconfig(String yaml) {
    try {
      Path file =
          Files.createTempFile(
              "kube-embedded-",
              ".kubeconfig",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot write the kubeconfig file: " + e.getMessage(), e);
    }
  }

  /** Drops all connections and serves again on the same port; used by {@link Faults}. */
  void restart(boolean keepState) {
    synchronized (lifecycle) {
      Preconditions.checkState(state == State.RUNNING, "server is not running: %s", state);
      store.closeAllWatches();
      http.stop(0);
      if (!keepState) {
        store.wipe();
        registry.clearCustom();
      }
      try {
        http = bind(port);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind port " + port + " again", e);
      }
      http.createContext("/", handler);
      http.setExecutor(executor);
      startDaemon(http);
      if (!keepState) {
        createInitialNamespaces();
      }
    }
  }

  /** Stops serving and waits for the request threads to end. Idempotent. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (state == State.CLOSED) {
        return;
      }
      State previous = state;
      state = State.CLOSED;
      if (previous == State.NEW) {
        return;
      }
      store.closeAllWatches();
      http.stop(0);
      executor.shutdownNow();
      try {
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
          log.warn("Embedded API server threads did not end within 10 seconds");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        Files.deleteIfExists(kubeconfigFile);
      } catch (IOException e) {
        log.debug("Could not delete {}: {}", kubeconfigFile, e.toString());
      }
    }
  }

  private void checkRunning() {
    synchronized (lifecycle) {
      Preconditions.checkState(state == State.RUNNING, "server is not running: %s", state);
    }
  }

  /** The base URL, such as {@code https://127.0.0.1:41234}. */
  public URI url() {
    String host = InetAddress.getLoopbackAddress().getHostAddress();
    return URI.create((https ? "https" : "http") + "://" + host + ":" + port);
  }

  /** The bound port. */
  public int port() {
    checkRunning();
    return port;
  }

  /** A kubeconfig (YAML) with this server as the current context, as the superuser. */
  public String kubeconfigYaml() {
    checkRunning();
    return kubeconfig;
  }

  /** The kubeconfig file written at start (owner-only permissions, deleted at close). */
  public Path kubeconfigPath() {
    checkRunning();
    return kubeconfigFile;
  }

  /**
   * A {@link RestConfig} for this server as the superuser: over HTTPS with the CA and the client
   * certificate, over HTTP with a bearer token when authentication is on. Client-side throttling is
   * raised to 1000 QPS (burst 2000), as envtest does, so tests are not slowed by the default of 5
   * QPS; derive another with {@link RestConfig#newBuilder()} to test throttling.
   */
  public RestConfig restConfig() {
    checkRunning();
    RestConfig.Builder b = RestConfig.builder().host(url().toString()).qps(1000).burst(2000);
    Tls material = tls;
    if (material != null) {
      b.caData(material.caPem().getBytes(StandardCharsets.UTF_8))
          .certData(material.clientCertificatePem().getBytes(StandardCharsets.UTF_8))
          .keyData(material.clientKeyPem().getBytes(StandardCharsets.UTF_8));
    } else if (adminToken != null) {
      b.bearerToken(adminToken);
    }
    return b.build();
  }

  /** The CA certificate (PEM) clients must trust, or null over plain HTTP. */
  public @Nullable String caCertificatePem() {
    checkRunning();
    return tls == null ? null : tls.caPem();
  }

  /** The fault switches. */
  public Faults faults() {
    return faults;
  }

  /** The current resourceVersion of the whole server. */
  public long resourceVersion() {
    return store.resourceVersion();
  }

  /** How many watches are open now. */
  public int watchCount() {
    return store.watchCount();
  }

  /**
   * Creates an object directly, without HTTP, as a fast way to seed state. The resource comes from
   * the object's apiVersion and kind, the namespace from its metadata.
   *
   * @return the created object as the server stored it (JSON)
   * @throws IllegalArgumentException when the kind is not served or the server refuses the object
   *     (the message is the Status message)
   */
  public String create(String objectJson) {
    ObjectNode object;
    try {
      object = (ObjectNode) Json.MAPPER.readTree(objectJson);
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    String apiVersion = object.path("apiVersion").asText();
    String kind = object.path("kind").asText();
    ResourceType type = null;
    for (ResourceType t : registry.all()) {
      if (t.apiVersion().equals(apiVersion) && t.kind().equals(kind)) {
        type = t;
      }
    }
    Preconditions.checkArgument(type != null, "no resource serves %s %s", apiVersion, kind);
    String namespace = object.path("metadata").path("namespace").asText("default");
    try {
      return Json.MAPPER.writeValueAsString(
          operations
              .create(type, type.namespaced() ? namespace : null, object)
              .tree(type.apiVersion(), type.kind()));
    } catch (ApiError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedApiServer{" + (port == 0 ? "not started" : url()) + "}";
  }

  /**
   * Configuration of an {@link EmbeddedApiServer}. Not thread-safe; {@link #build()} copies the
   * values.
   */
  public static final class Builder {
    private int port;
    private boolean https = true;
    private int historyLimit = 100_000;
    private Duration bookmarkInterval = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private boolean authentication;
    private final List<Authenticator.Rule> rules = new ArrayList<>();
    private @Nullable RandomGenerator random;
    private String serviceClusterIpRange = ServiceAllocator.DEFAULT_CIDR;
    private final Set<String> enabledVersions = new TreeSet<>();

    private Builder() {}

    /**
     * The range Service cluster IPs are allocated from (default {@code 10.96.0.0/12}, as kubeadm
     * and kind configure it), IPv4 or IPv6. A Service's IP is released when it is deleted.
     *
     * @throws IllegalArgumentException when {@code cidr} is not an IP network in CIDR form
     */
    public Builder serviceClusterIpRange(String cidr) {
      Preconditions.checkNotNull(cidr, "cidr");
      try {
        new ServiceAllocator(cidr, RandomGenerator.getDefault());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "serviceClusterIpRange: " + e.getMessage(), e.getCause());
      }
      this.serviceClusterIpRange = cidr;
      return this;
    }

    /** The port to bind on loopback; 0 (the default) picks a free one. */
    public Builder port(int port) {
      Preconditions.checkArgument(port >= 0 && port <= 65535, "port out of range: %s", port);
      this.port = port;
      return this;
    }

    /** HTTPS with a generated CA (the default) or plain HTTP (faster for benchmarks). */
    public Builder https(boolean https) {
      this.https = https;
      return this;
    }

    /**
     * How many changes the watch history keeps (default 100,000); watches from an older
     * resourceVersion get 410 Expired. Each entry references an object version.
     */
    public Builder historyLimit(int changes) {
      Preconditions.checkArgument(changes > 0, "historyLimit <= 0: %s", changes);
      this.historyLimit = changes;
      return this;
    }

    /** How long a watch with bookmarks may be idle before a BOOKMARK (default 10 s). */
    public Builder bookmarkInterval(Duration interval) {
      Preconditions.checkArgument(
          !interval.isNegative() && !interval.isZero(), "bookmarkInterval <= 0: %s", interval);
      this.bookmarkInterval = interval;
      return this;
    }

    /** The clock for timestamps and watch timeouts (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Preconditions.checkNotNull(clock, "clock");
      return this;
    }

    /** Seeds generated names (generateName suffixes) for reproducible tests. */
    public Builder random(RandomGenerator random) {
      this.random = Preconditions.checkNotNull(random, "random");
      return this;
    }

    /**
     * Accepts {@code token} as a bearer token of {@code user}, and turns authentication on:
     * requests without valid credentials get 401.
     */
    public Builder bearerToken(String token, String user) {
      Preconditions.checkArgument(!token.isBlank(), "token is blank");
      Preconditions.checkArgument(!user.isBlank(), "user is blank");
      tokens.put(token, user);
      return this;
    }

    /**
     * Requires credentials (the default is open access): a bearer token given to {@link
     * #bearerToken} or, over HTTPS, a client certificate of the server's CA (the kubeconfig's).
     */
    public Builder authentication(boolean required) {
      this.authentication = required;
      return this;
    }

    /**
     * Allows {@code user} the {@code verbs} on the {@code resources} (plural names; {@code *}
     * matches all). Once any rule exists, other requests of users other than the kubeconfig's
     * superuser get 403.
     */
    public Builder allow(String user, Set<String> verbs, Set<String> resources) {
      Preconditions.checkArgument(!verbs.isEmpty(), "no verbs for user %s", user);
      Preconditions.checkArgument(!resources.isEmpty(), "no resources for user %s", user);
      rules.add(new Authenticator.Rule(user, Set.copyOf(verbs), Set.copyOf(resources)));
      return this;
    }

    /**
     * Serves alpha or beta group versions that a Kubernetes API server of this version leaves off
     * by default, as its {@code --runtime-config} does: built-in group versions such as {@code
     * resource.k8s.io/v1beta1}, or {@code api/all}, {@code api/beta}, {@code api/alpha}. By default
     * only GA versions are served, as by a default API server.
     *
     * @throws IllegalArgumentException naming an entry that is not a built-in group version or one
     *     of those keys
     */
    public Builder enableVersions(String... groupVersions) {
      Set<String> entries = new TreeSet<>(Arrays.asList(groupVersions));
      BuiltinTypes.enabled(entries);
      enabledVersions.addAll(entries);
      return this;
    }

    /** Creates the server (not started). */
    public EmbeddedApiServer build() {
      return new EmbeddedApiServer(this);
    }
  }
}
