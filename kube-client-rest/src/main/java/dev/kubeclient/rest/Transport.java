package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.rest.internal.AuthInterceptor;
import dev.kubeclient.rest.internal.ClientCertificateKeyManager;
import dev.kubeclient.rest.internal.Clock;
import dev.kubeclient.rest.internal.DaemonThreadFactory;
import dev.kubeclient.rest.internal.EnvironmentProxySelector;
import dev.kubeclient.rest.internal.ExecCredentialProvider;
import dev.kubeclient.rest.internal.HeadersInterceptor;
import dev.kubeclient.rest.internal.InsecureCredentials;
import dev.kubeclient.rest.internal.KeepAliveSocketFactory;
import dev.kubeclient.rest.internal.LoggingInterceptor;
import dev.kubeclient.rest.internal.OpenCalls;
import dev.kubeclient.rest.internal.ProxyCredentials;
import dev.kubeclient.rest.internal.SystemClock;
import dev.kubeclient.rest.internal.TlsSettings;
import dev.kubeclient.rest.internal.TokenBucketRateLimiter;
import dev.kubeclient.rest.internal.TokenFile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP machinery made from one {@link RestConfig}: one OkHttp connection pool and dispatcher,
 * TLS, authentication (token, token file, basic, client certificate, exec plugin), impersonation,
 * proxy, User-Agent, logging, warnings, and the client-side {@link RateLimiter}. This is
 * client-go's {@code rest.HTTPClientFor} plus the config's shared rate limiter.
 *
 * <p>Share one transport among all {@link RESTClient}s that talk to the same server (a ClientSet
 * with dozens of group clients uses one), so that they share connections and one throttle.
 *
 * <p>Safe for concurrent use. Lifecycle: usable once created; {@link #close()} ends everything that
 * is open: calls in flight fail, open watches end ({@code hasNext()} returns false), a thread
 * reading a streamed body (a followed log) gets an {@link java.io.IOException}, and requests still
 * waiting for the rate limiter or for a Retry-After delay fail at once instead of being sent. It
 * also evicts pooled connections and stops the dispatcher's threads; it is idempotent. OkHttp's
 * threads are daemon threads, so an unclosed transport does not keep the JVM alive.
 *
 * <p>Unary calls and long-lived streams (watches, logs) are executed on the caller's thread, not
 * queued on OkHttp's dispatcher, so watches can never take the dispatcher's per-host slots that
 * ordinary requests need. Streams use a client without read timeout and with HTTP/2 pings; the
 * sockets send TCP keepalive probes after 30 s of silence, as Go's dialer does in client-go.
 */
public final class Transport implements AutoCloseable {
  /** HTTP/2 ping interval: detects dead connections under idle watches within a minute. */
  static final long PING_INTERVAL_SECONDS = 30;

  /** Shared by all transports so thread names stay unique in a process. */
  private static final DaemonThreadFactory THREADS = new DaemonThreadFactory("kube-client-http");

  private final RestConfig config;
  private final Clock clock;
  private final OkHttpClient client;
  private final OkHttpClient streamingClient;
  private final RateLimiter rateLimiter;
  private final ExecutorService dispatcherExecutor;
  private final OpenCalls openCalls = new OpenCalls();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Wakes callers waiting in {@link #awaitUnlessClosed} when the transport closes. */
  private final ReentrantLock closeLock = new ReentrantLock();

  /** Signalled once, by {@link #close()}. Guarded by {@code closeLock}. */
  private final Condition closedSignal = closeLock.newCondition();

  private Transport(RestConfig config, Clock clock, Map<String, String> env) {
    this.config = config;
    this.clock = clock;
    this.dispatcherExecutor =
        new ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), THREADS);
    ConnectionPool pool = new ConnectionPool(5, 5, TimeUnit.MINUTES);
    KeepAliveSocketFactory sockets = new KeepAliveSocketFactory();
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .dispatcher(new Dispatcher(dispatcherExecutor))
            .eventListener(openCalls)
            .connectionPool(pool)
            .socketFactory(sockets)
            .pingInterval(PING_INTERVAL_SECONDS, TimeUnit.SECONDS)
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout())
            // Retries are the RESTClient's business, with client-go's rules.
            .retryOnConnectionFailure(false)
            .followRedirects(false);
    TlsSettings tls = null;
    if (config.isSecure()) {
      tls = TlsSettings.forConfig(config);
      tls.apply(b);
    } else {
      // A client that may speak TLS loads the JVM's trust store and builds an SSL context when it
      // is built, about a quarter of a second in a fresh JVM, which a plain-http server (a test
      // server, kubectl proxy) never needs.
      b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    List<URI> proxies = List.of();
    if (config.proxyUrl() != null) {
      b.proxy(EnvironmentProxySelector.toProxy(config.proxyUrl()));
      proxies = List.of(config.proxyUrl());
    } else {
      EnvironmentProxySelector selector = new EnvironmentProxySelector(env);
      if (selector.isConfigured()) {
        b.proxySelector(selector);
        proxies = selector.proxies();
      }
    }
    ProxyCredentials proxyCredentials = ProxyCredentials.of(proxies);
    if (!proxyCredentials.isEmpty()) {
      b.proxyAuthenticator(proxyCredentials);
      b.addNetworkInterceptor(proxyCredentials);
    }
    ExecCredentialProvider exec = null;
    if (usesExecPlugin(config)) {
      TlsSettings sessions = tls;
      Runnable closeConnections =
          () -> {
            // client-go's connrotation: busy connections too, not only the idle ones in the pool;
            // and no resumed session may carry the old certificate into a new connection.
            if (sessions != null) {
              sessions.invalidateSessions();
            }
            sockets.closeAll();
            pool.evictAll();
          };
      exec =
          new ExecCredentialProvider(
              config.execProvider(),
              config,
              clock,
              tls != null ? tls.keyManager() : new ClientCertificateKeyManager(),
              closeConnections,
              env);
    }
    InsecureCredentials.warnOnce(config);
    TokenFile tokenFile =
        config.bearerTokenFile() == null ? null : new TokenFile(config.bearerTokenFile(), clock);
    b.addInterceptor(new HeadersInterceptor(config.userAgent(), config.impersonate()));
    b.addInterceptor(new AuthInterceptor(config, exec, tokenFile));
    b.addInterceptor(new LoggingInterceptor(config.warningHandler(), clock));
    this.client = b.build();
    this.streamingClient = client.newBuilder().readTimeout(0, TimeUnit.SECONDS).build();
    this.rateLimiter =
        config.rateLimiter() != null
            ? config.rateLimiter()
            : new TokenBucketRateLimiter(config.qps(), config.burst(), clock);
  }

  /**
   * Whether the exec plugin is used. As in client-go's {@code exec.UpdateTransportConfig} (and so
   * kubectl), a token, token file, basic auth or client certificate in the same config wins, and
   * the plugin is not run.
   */
  static boolean usesExecPlugin(RestConfig config) {
    return config.execProvider() != null
        && config.bearerToken() == null
        && config.bearerTokenFile() == null
        && config.username() == null
        && config.certData() == null
        && config.certFile() == null;
  }

  /**
   * Creates the transport of a config. Reads CA, certificate and key files now.
   *
   * @throws IllegalArgumentException when TLS material is invalid, naming the file or field
   */
  public static Transport forConfig(RestConfig config) {
    return new Transport(checkNotNull(config, "config"), SystemClock.INSTANCE, System.getenv());
  }

  /** For tests: injected clock and environment. */
  static Transport forConfig(RestConfig config, Clock clock, Map<String, String> env) {
    return new Transport(config, clock, env);
  }

  /** The config this transport was made from. */
  public RestConfig config() {
    return config;
  }

  /** The client-side rate limiter every request through this transport takes a permit from. */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  OkHttpClient client() {
    return client;
  }

  OkHttpClient streamingClient() {
    return streamingClient;
  }

  Clock clock() {
    return clock;
  }

  /** Calls started and whose response is not closed yet; for tests. */
  int openCalls() {
    return openCalls.size();
  }

  /**
   * Threads waiting in {@link #awaitUnlessClosed} (for the throttle or a retry delay); for tests.
   */
  int waitingCallers() {
    closeLock.lock();
    try {
      return closeLock.getWaitQueueLength(closedSignal);
    } finally {
      closeLock.unlock();
    }
  }

  /**
   * Takes a permit from the rate limiter for one request, however long that takes: as in client-go,
   * waiting for the throttle is not part of a request's timeout.
   *
   * @return how long the caller waited
   * @throws CancellationException when the transport is closed before or while waiting
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  Duration throttle() throws InterruptedException {
    long start = clock.nanoTime();
    if (rateLimiter instanceof TokenBucketRateLimiter bucket) {
      // Reserve, then wait where close() can wake us; hand the permit back if we give up.
      long wait = bucket.reserveNanos();
      boolean open;
      try {
        open = awaitUnlessClosed(wait);
      } catch (InterruptedException e) {
        bucket.cancelReservation();
        throw e;
      }
      if (!open) {
        bucket.cancelReservation();
      }
    } else {
      // A custom limiter cannot be woken; at least nothing is sent once it returns.
      rateLimiter.acquire(Duration.ofNanos(Long.MAX_VALUE));
    }
    if (closed.get()) {
      throw new CancellationException("transport closed");
    }
    return Duration.ofNanos(clock.nanoTime() - start);
  }

  /**
   * Waits {@code nanos} of the clock's time, or less if the transport closes meanwhile.
   *
   * @return true when the time passed with the transport open, false when it is closed
   */
  boolean awaitUnlessClosed(long nanos) throws InterruptedException {
    long end = clock.nanoTime() + Math.max(0, nanos);
    closeLock.lock();
    try {
      while (!closed.get()) {
        long left = end - clock.nanoTime();
        if (left <= 0) {
          return true;
        }
        clock.awaitNanos(closedSignal, left);
      }
      return false;
    } finally {
      closeLock.unlock();
    }
  }

  /**
   * Ends what is open: cancels calls in flight (their callers get an exception), ends open watches,
   * fails reads of streamed bodies, fails requests waiting for the rate limiter or a retry delay,
   * evicts pooled connections and stops the dispatcher threads. Idempotent; returns without waiting
   * for the callers to notice.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeLock.lock();
    try {
      closedSignal.signalAll();
    } finally {
      closeLock.unlock();
    }
    openCalls.cancelAll();
    client.dispatcher().cancelAll();
    dispatcherExecutor.shutdown();
    client.connectionPool().evictAll();
  }
}
