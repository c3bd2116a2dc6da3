package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;
import static dev.kubeclient.core.internal.Preconditions.checkState;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.kubeclient.core.KubeDuration;
import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.rest.internal.JsonErrors;
import dev.kubeclient.rest.internal.ParallelListDecoder;
import dev.kubeclient.rest.internal.RestErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * One API request being built and then executed: client-go's {@code rest.Request}. Obtain it from a
 * {@link RESTClient} verb method, set the parts, and finish with one of {@link #execute(Class)},
 * {@link #execute()}, {@link #executeRaw()}, {@link #stream()} or {@link #watch(Class)}.
 *
 * <p>Setters check their argument at once and throw {@link IllegalArgumentException} (bad value) or
 * {@link IllegalStateException} (a part set twice) naming the value, instead of failing later.
 *
 * <p>Execution: each attempt first takes a permit from the transport's {@link RateLimiter}, except
 * the first attempt of a watch (client-go does not throttle watches). A 429 or 5xx response with a
 * {@code Retry-After} header is retried after that many seconds, for any verb; a connection reset
 * or premature end of stream is retried after a second for GET only; both count against {@link
 * #DEFAULT_MAX_RETRIES} retries after the first try, as in client-go; anything else (TLS trust
 * failures, other 4xx) fails at once. Unary calls have no deadline unless the request's {@link
 * #timeout} or the config's request timeout sets one (client-go has none by default: the server's
 * own timeout, TCP keepalive and HTTP/2 pings guard against dead peers). A deadline includes
 * retries but not time spent waiting for the rate limiter: as in client-go, a throttled client does
 * not time out its callers. Streams and watches have no read timeout and no deadline unless {@code
 * timeout(..)} or {@code timeoutSeconds} sets one. Closing the transport fails a request that is
 * waiting for the rate limiter or a retry delay at once.
 *
 * <p>A request is confined to one thread and executed once.
 */
public final class Request {
  /** client-go's limit of retries after the first try ({@code Request.MaxRetries}). */
  public static final int DEFAULT_MAX_RETRIES = 10;

  /** Waits for the throttle longer than this are logged, as client-go does at 50 ms. */
  static final Duration LONG_THROTTLE = Duration.ofMillis(50);

  /** Time a watch may run past its server-side timeoutSeconds before the client ends it. */
  static final Duration WATCH_DEADLINE_SLACK = Duration.ofSeconds(30);

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RESTClient.class);

  private final RESTClient client;
  private final String verb;
  private @Nullable String namespace;
  private boolean namespaceSet;
  private @Nullable String resource;
  private @Nullable String name;
  private final List<String> subresource = new ArrayList<>();
  private final List<String> prefix = new ArrayList<>();
  private final List<String> suffix = new ArrayList<>();
  private @Nullable List<String> absPath;
  private final Map<String, List<String>> params = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte @Nullable [] body;
  private @Nullable Object bodyObject;
  private String contentType = "application/json";
  private @Nullable Duration timeout;
  private int maxRetries = DEFAULT_MAX_RETRIES;
  private boolean executed;
  private okhttp3.@Nullable Call call;

  Request(RESTClient client, String verb) {
    this.client = client;
    this.verb = verb;
  }

  /** The HTTP verb. */
  public String verb() {
    return verb;
  }

  /**
   * Sets the namespace; an empty namespace means all namespaces (no path segment), which is refused
   * at execution, as client-go does, for POST and for GET, PUT and DELETE of a named object.
   *
   * @throws IllegalStateException when already set
   */
  public Request namespace(String namespace) {
    checkNotNull(namespace, "namespace");
    checkState(
        !namespaceSet,
        "namespace already set to '%s', cannot change to '%s'",
        this.namespace,
        namespace);
    if (!namespace.isEmpty()) {
      checkSegment(namespace, "namespace");
    }
    this.namespace = namespace;
    this.namespaceSet = true;
    return this;
  }

  /** Sets the namespace only when {@code scoped} is true (client-go's NamespaceIfScoped). */
  public Request namespaceIfScoped(String namespace, boolean scoped) {
    return scoped ? namespace(namespace) : this;
  }

  /** Sets the resource, such as {@code pods}. */
  public Request resource(String resource) {
    checkNotNull(resource, "resource");
    checkState(
        this.resource == null,
        "resource already set to '%s', cannot change to '%s'",
        this.resource,
        resource);
    checkSegment(resource, "resource");
    this.resource = resource;
    return this;
  }

  /** Sets the object name. */
  public Request name(String name) {
    checkNotNull(name, "name");
    checkArgument(!name.isEmpty(), "resource name may not be empty");
    checkState(
        this.name == null,
        "resource name already set to '%s', cannot change to '%s'",
        this.name,
        name);
    checkSegment(name, "resource name");
    this.name = name;
    return this;
  }

  /** Sets the subresource, such as {@code status} or {@code scale}; several segments join. */
  public Request subResource(String... subresource) {
    checkState(
        this.subresource.isEmpty(),
        "subresource already set to '%s', cannot change to '%s'",
        String.join("/", this.subresource),
        String.join("/", subresource));
    for (String s : subresource) {
      checkNotNull(s, "subresource");
      checkSegment(s, "subresource");
      this.subresource.add(s);
    }
    return this;
  }

  /** Adds path segments between the group/version and the namespace. */
  public Request prefix(String... segments) {
    for (String s : segments) {
      prefix.add(checkNotNull(s, "segment"));
    }
    return this;
  }

  /** Adds path segments after the name and subresource. */
  public Request suffix(String... segments) {
    for (String s : segments) {
      suffix.add(checkNotNull(s, "segment"));
    }
    return this;
  }

  /**
   * Uses an absolute path below the host, ignoring API path and group/version (client-go's
   * AbsPath), for {@code /version}, {@code /apis} discovery and the like.
   */
  public Request absPath(String... segments) {
    List<String> list = new ArrayList<>();
    for (String s : segments) {
      list.add(checkNotNull(s, "segment"));
    }
    this.absPath = list;
    return this;
  }

  /** Adds a query parameter; repeated names give repeated parameters. */
  public Request param(String name, String value) {
    checkNotNull(name, "name");
    checkNotNull(value, "value");
    checkArgument(!name.isEmpty(), "parameter name may not be empty");
    params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  /** Adds a query parameter from a number or boolean. */
  public Request param(String name, Object value) {
    checkNotNull(value, "value");
    return param(name, String.valueOf(value));
  }

  /** Sets a header; {@code Authorization} set here replaces the config's credentials. */
  public Request setHeader(String name, String value) {
    checkNotNull(name, "name");
    checkNotNull(value, "value");
    headers.put(name, value);
    return this;
  }

  /**
   * Sets the body: a {@code byte[]} or {@code String} is sent as is, any other object is encoded as
   * JSON.
   */
  public Request body(Object body) {
    checkNotNull(body, "body");
    if (body instanceof byte[]) {
      this.body = ((byte[]) body).clone();
    } else if (body instanceof String) {
      this.body = ((String) body).getBytes(StandardCharsets.UTF_8);
    } else {
      this.bodyObject = body;
    }
    return this;
  }

  /** Sets the body's Content-Type; {@code application/json} by default. */
  public Request contentType(String contentType) {
    checkNotNull(contentType, "contentType");
    checkArgument(MediaType.parse(contentType) != null, "invalid content type: '%s'", contentType);
    this.contentType = contentType;
    return this;
  }

  /**
   * Sets the absolute deadline of this call, including retries but not the wait for the rate
   * limiter; for unary calls also sent as the {@code timeout} query parameter in Go's duration form
   * ({@code 30s}, {@code 1m30s}, {@code 500ms}), as client-go does.
   */
  public Request timeout(Duration timeout) {
    checkNotNull(timeout, "timeout");
    checkArgument(
        !timeout.isNegative() && !timeout.isZero(), "timeout must be positive: %s", timeout);
    this.timeout = timeout;
    return this;
  }

  /**
   * Sets how many times the request may be retried after its first try (client-go's {@code
   * MaxRetries}); 0 disables retries.
   */
  public Request maxRetries(int maxRetries) {
    checkArgument(maxRetries >= 0, "maxRetries must not be negative: %s", maxRetries);
    this.maxRetries = maxRetries;
    return this;
  }

  /** The URL this request will be sent to. */
  public String url() {
    return buildUrl(false).toString();
  }

  /**
   * Sends the request and decodes the response body into {@code type}, streaming (a large list is
   * never held as bytes or text). The items of a list of a generated kind are decoded on several
   * threads as they arrive, where the machine has more than one processor.
   *
   * @throws dev.kubeclient.core.errors.ApiException the subtype an error response maps to ({@code
   *     NotFoundException}, {@code ConflictException}, ...)
   * @throws dev.kubeclient.core.codec.DecodeException when the body is not a valid {@code type}
   * @throws dev.kubeclient.core.errors.KubeClientException wrapping the {@link IOException} of a
   *     transport failure
   */
  public <T> T execute(Class<T> type) {
    checkNotNull(type, "type");
    try (Response response = send(Mode.UNARY)) {
      ResponseBody rb = response.body();
      String url = response.request().url().toString();
      try (InputStream in = rb.byteStream()) {
        if (!ParallelListDecoder.applies(type)) {
          return decode(in, type, url);
        }
        T list = ParallelListDecoder.decode(client.mapper(), in, type);
        if (list == null) {
          throw emptyBody(url, type);
        }
        return list;
      } catch (JsonProcessingException e) {
        throw decodeError(e, url, type.getSimpleName());
      } catch (IOException e) {
        throw RestErrors.transport(verb, url, e);
      }
    }
  }

  /** The value of {@code type} that {@code in} holds, decoded on this thread as it is read. */
  private <T> T decode(InputStream in, Class<T> type, String url) throws IOException {
    try (JsonParser parser = client.mapper().createParser(in)) {
      if (parser.nextToken() == null) {
        throw emptyBody(url, type);
      }
      return client.mapper().readValue(parser, type);
    }
  }

  private RuntimeException emptyBody(String url, Class<?> type) {
    return JsonErrors.decodeError(
        verb + " " + url + ": empty response body, expected " + type.getSimpleName());
  }

  /** Sends the request and discards the body; for calls whose result does not matter. */
  public void execute() {
    send(Mode.UNARY).close();
  }

  /** Sends the request and returns the raw body (client-go's DoRaw). */
  public byte[] executeRaw() {
    try (Response response = send(Mode.UNARY)) {
      return response.body().bytes();
    } catch (IOException e) {
      throw RestErrors.transport(verb, url(), e);
    }
  }

  /**
   * Sends the request and returns the body as a stream (logs, exec output); no read timeout. The
   * caller must close the stream.
   */
  public InputStream stream() {
    return send(Mode.STREAM).body().byteStream();
  }

  /**
   * Starts a watch: adds {@code watch=true} unless set, and decodes events into {@code type} as
   * they arrive. No read timeout applies; the deadline is the request's timeout, else the
   * server-side {@code timeoutSeconds} plus 30 s, else none.
   */
  public <T> Watch<T> watch(Class<T> type) {
    checkNotNull(type, "type");
    if (!params.containsKey("watch")) {
      param("watch", "true");
    }
    Response response = send(Mode.WATCH);
    return new StreamingWatch<>(response, checkNotNull(call, "call"), client.mapper(), type, verb);
  }

  private DecodeException decodeError(JsonProcessingException e, String url, String target) {
    String path =
        e instanceof JsonMappingException ? ((JsonMappingException) e).getPathReference() : "";
    return JsonErrors.decodeError(
        "cannot decode the response of "
            + verb
            + " "
            + url
            + " as "
            + target
            + (path.isEmpty() ? "" : " (" + path + ")"),
        e);
  }

  private HttpUrl buildUrl(boolean addTimeoutParam) {
    HttpUrl.Builder b;
    if (absPath != null) {
      b = client.base().newBuilder().encodedPath(hostPath());
      for (String s : absPath) {
        for (String part : s.split("/")) {
          if (!part.isEmpty()) {
            b.addPathSegment(part);
          }
        }
      }
    } else {
      b = client.base().newBuilder();
      prefix.forEach(b::addPathSegment);
      if (namespace != null && !namespace.isEmpty()) {
        b.addPathSegment("namespaces").addPathSegment(namespace);
      }
      if (resource != null) {
        b.addPathSegment(resource);
      }
      if (name != null) {
        b.addPathSegment(name);
      }
      subresource.forEach(b::addPathSegment);
      suffix.forEach(b::addPathSegment);
    }
    params.forEach((k, vs) -> vs.forEach(v -> b.addQueryParameter(k, v)));
    Duration t = timeout != null ? timeout : client.transport().config().requestTimeout();
    if (addTimeoutParam && !t.isZero() && !params.containsKey("timeout")) {
      b.addQueryParameter("timeout", KubeDuration.of(t).toString());
    }
    return b.build();
  }

  private String hostPath() {
    HttpUrl host = HttpUrl.parse(client.transport().config().host());
    String p = host == null ? "/" : host.encodedPath();
    return p.endsWith("/") ? p : p + "/";
  }

  private @Nullable Duration deadline(boolean streaming) {
    if (timeout != null) {
      return timeout;
    }
    if (streaming) {
      List<String> ts = params.get("timeoutSeconds");
      if (ts != null && !ts.isEmpty()) {
        try {
          return Duration.ofSeconds(Long.parseLong(ts.get(0))).plus(WATCH_DEADLINE_SLACK);
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }
    Duration d = client.transport().config().requestTimeout();
    return d.isZero() ? null : d;
  }

  /** What is being sent: decides throttling, read timeout and the deadline. */
  private enum Mode {
    UNARY,
    STREAM,
    WATCH
  }

  /** Sends with throttling and retries; returns a 2xx response or throws. */
  private Response send(Mode mode) {
    checkState(!executed, "request already executed: %s %s", verb, url());
    executed = true;
    preflightCheck();
    Transport transport = client.transport();
    checkState(!transport.isClosed(), "transport is closed: %s %s", verb, url());
    dev.kubeclient.rest.internal.Clock clock = transport.clock();
    boolean streaming = mode != Mode.UNARY;
    HttpUrl url = buildUrl(!streaming);
    String urlText = url.toString();
    RequestBody requestBody = requestBody(urlText);
    OkHttpClient http = streaming ? transport.streamingClient() : transport.client();
    // As client-go: watches are not throttled (retries of them are), and the first throttle wait
    // happens before the deadline starts, so a throttled client does not time out its callers.
    if (mode != Mode.WATCH) {
      throttle(transport, urlText);
    }
    Duration limit = deadline(streaming);
    long deadline = limit == null ? Long.MAX_VALUE : clock.nanoTime() + limit.toNanos();
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1) {
        Duration waited = throttle(transport, urlText);
        if (deadline != Long.MAX_VALUE) {
          deadline += waited.toNanos();
        }
      }
      okhttp3.Request.Builder rb = new okhttp3.Request.Builder().url(url).method(verb, requestBody);
      rb.header("Accept", "application/json, */*");
      headers.forEach(rb::header);
      okhttp3.Call call = http.newCall(rb.build());
      this.call = call;
      if (deadline != Long.MAX_VALUE) {
        call.timeout()
            .timeout(
                Math.max(1, deadline - clock.nanoTime()),
                java.util.concurrent.TimeUnit.NANOSECONDS);
      }
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        long wait = 1_000_000_000L;
        if (verb.equals("GET")
            && !transport.isClosed()
            && isRetryable(e)
            && attempt <= maxRetries
            && clock.nanoTime() + wait < deadline) {
          log.debug(
              "{} {} failed ({}), retrying in 1s (try {})", verb, urlText, e.toString(), attempt);
          sleep(transport, wait, urlText);
          continue;
        }
        throw RestErrors.transport(verb, urlText, e);
      }
      if (response.isSuccessful()) {
        return response;
      }
      int code = response.code();
      long retryAfter = retryAfterSeconds(response);
      String gaveUp = null;
      if (retryAfter >= 0 && (code == 429 || (code >= 500 && code < 600))) {
        long wait = retryAfter * 1_000_000_000L;
        if (attempt <= maxRetries && clock.nanoTime() + wait < deadline) {
          response.close();
          log.debug(
              "{} {} got {}, retrying after {}s (try {})",
              verb,
              urlText,
              code,
              retryAfter,
              attempt);
          sleep(transport, wait, urlText);
          continue;
        }
        gaveUp =
            attempt > maxRetries
                ? "gave up after "
                    + (attempt - 1)
                    + " retries, each try answered "
                    + code
                    + " with Retry-After"
                : "gave up after "
                    + attempt
                    + " tries: Retry-After "
                    + retryAfter
                    + "s would pass the request's deadline";
        log.debug("{} {}: {}", verb, urlText, gaveUp);
      }
      try (response) {
        ApiException failure =
            RestErrors.fromResponse(
                code,
                verb,
                urlText,
                response.body().byteStream(),
                response.header("Content-Type"),
                response.headers().toMultimap());
        if (gaveUp != null) {
          // Keep the server's error as the type callers test for; say why no retry followed.
          failure.addSuppressed(new KubeClientException(verb + " " + urlText + ": " + gaveUp));
        }
        throw failure;
      }
    }
  }

  /**
   * Refuses an explicitly empty namespace where client-go's {@code requestPreflightCheck} does:
   * with a name on GET, PUT and DELETE, and on POST, which would otherwise reach the cluster-wide
   * path of a namespaced resource.
   */
  private void preflightCheck() {
    if (!namespaceSet || (namespace != null && !namespace.isEmpty())) {
      return;
    }
    if (verb.equals("POST")) {
      throw new IllegalArgumentException(
          "an empty namespace may not be set during creation: " + verb + " " + url());
    }
    if (name != null && (verb.equals("GET") || verb.equals("PUT") || verb.equals("DELETE"))) {
      throw new IllegalArgumentException(
          "an empty namespace may not be set when a resource name is provided: "
              + verb
              + " "
              + url());
    }
  }

  private @Nullable RequestBody requestBody(String url) {
    byte[] bytes = body;
    if (bytes == null && bodyObject != null) {
      try {
        bytes = client.mapper().writeValueAsBytes(bodyObject);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "cannot encode the body of "
                + verb
                + " "
                + url
                + " ("
                + bodyObject.getClass().getName()
                + ") as JSON",
            e);
      }
    }
    if (bytes == null) {
      return verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH")
          ? RequestBody.create(new byte[0], MediaType.get(contentType))
          : null;
    }
    return RequestBody.create(bytes, MediaType.get(contentType));
  }

  private Duration throttle(Transport transport, String url) {
    try {
      Duration waited = transport.throttle();
      if (waited.compareTo(LONG_THROTTLE) > 0) {
        log.debug(
            "Waited for {} ms due to client-side throttling, request: {}:{}",
            waited.toMillis(),
            verb,
            url);
      }
      return waited;
    } catch (CancellationException e) {
      throw closedWhileWaiting(url, "the client-side rate limiter");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RestErrors.transport(
          verb, url, new InterruptedIOException("interrupted while throttled"));
    }
  }

  private void sleep(Transport transport, long nanos, String url) {
    boolean open;
    try {
      open = transport.awaitUnlessClosed(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RestErrors.transport(
          verb, url, new InterruptedIOException("interrupted while waiting to retry"));
    }
    if (!open) {
      throw closedWhileWaiting(url, "a retry delay");
    }
  }

  private KubeClientException closedWhileWaiting(String url, String what) {
    return RestErrors.transport(
        verb, url, new IOException("transport closed while waiting for " + what));
  }

  /** Connection resets and premature ends, the errors client-go retries for GET. */
  static boolean isRetryable(IOException e) {
    if (e instanceof javax.net.ssl.SSLException || e instanceof java.net.ConnectException) {
      return false;
    }
    if (e instanceof java.io.EOFException) {
      return true;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return m.contains("connection reset")
        || m.contains("unexpected end of stream")
        || m.contains("broken pipe")
        || m.contains("stream was reset");
  }

  private static long retryAfterSeconds(Response response) {
    String h = response.header("Retry-After");
    if (h == null) {
      return -1;
    }
    try {
      long s = Long.parseLong(h.strip());
      return s < 0 ? -1 : s;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void checkSegment(String value, String what) {
    checkArgument(
        !value.equals(".") && !value.equals("..") && !value.contains("/") && !value.contains("%"),
        "invalid %s '%s': may not be '.' or '..' or contain '/' or '%%'",
        what,
        value);
  }

  @Override
  public String toString() {
    return verb + " " + url();
  }
}
