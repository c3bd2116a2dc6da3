package dev.kubeclient.benchmarks.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kubeclient.benchmarks.PodFixtures;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The loopback API server of the end-to-end benchmarks: canned responses from memory, so that what
 * is measured is the client. Lists of namespace {@code pods-N} hold pods {@code 0..N-1} of {@link
 * PodFixtures} (the bytes made once, before the server reports ready); a GET of any pod returns pod
 * 0; ConfigMaps are echoed on create with server-set metadata and answered with a success Status on
 * delete, as the API server answers. Everything else is a 404 Status.
 *
 * <p>For the informer benchmarks it also watches: a watch of namespace {@code pods-N} stays open
 * and idle (an informer's cache is synced by its list), until the client goes or the watch's {@code
 * timeoutSeconds} pass. Namespace {@code events-E-R} (any round {@code R}) lists {@value #CACHED}
 * pods, and its watch, once {@code POST /bench/go/events-E-R} has been received, streams {@code E}
 * MODIFIED events of those pods as fast as the client reads them (each a whole pod with a new,
 * increasing resourceVersion), then stays open and idle. The go request lets the client start its
 * clock when its cache is synced rather than when the watch connects.
 *
 * <p>Run as a program, it makes the lists for the counts given as arguments, writes a kubeconfig
 * for itself to a temporary file and prints {@code KUBECONFIG <path>}, then {@code READY}; it
 * serves until its standard input closes. Handlers run on a thread each (idle watches hold theirs).
 */
public final class BenchApiServer implements AutoCloseable {
  private static final Pattern LIST = Pattern.compile("/api/v1/namespaces/pods-(\\d+)/pods");
  private static final Pattern POD = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+");
  private static final Pattern CONFIG_MAPS =
      Pattern.compile("/api/v1/namespaces/([^/]+)/configmaps");
  private static final Pattern CONFIG_MAP =
      Pattern.compile("/api/v1/namespaces/([^/]+)/configmaps/([^/]+)");
  private static final Pattern EVENTS =
      Pattern.compile("/api/v1/namespaces/(events-(\\d+)-\\d+)/pods");
  private static final Pattern GO = Pattern.compile("/bench/go/([^/]+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RESOURCE_VERSION = Pattern.compile("\"resourceVersion\":\"(\\d+)\"");

  /** Pods cached before the events of an {@code events-E-R} namespace. */
  public static final int CACHED = 1_000;

  /** The resourceVersion of every list; events count up from it. */
  private static final long LIST_RESOURCE_VERSION = 987_654_321L;

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Map<Integer, byte[]> lists = new ConcurrentHashMap<>();
  private final byte[] pod = PodFixtures.podJson(0);
  private final AtomicLong resourceVersion = new AtomicLong(1000);
  private final Map<String, CountDownLatch> go = new ConcurrentHashMap<>();
  private volatile byte @Nullable [][] eventParts;

  /** Starts serving on a free loopback port. */
  public BenchApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  /** Makes the list of {@code count} pods now, so that no request waits for it. */
  public void prepareList(int count) {
    lists.computeIfAbsent(count, PodFixtures::podListJson);
  }

  /** The server's base URL, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** A kubeconfig that points at this server with a bearer token. */
  public String kubeconfig() {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: bench",
        "  cluster:",
        "    server: " + url(),
        "users:",
        "- name: bench",
        "  user:",
        "    token: bench-token",
        "contexts:",
        "- name: bench",
        "  context:",
        "    cluster: bench",
        "    user: bench",
        "    namespace: default",
        "current-context: bench",
        "");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      Matcher m;
      boolean watch = isWatch(exchange.getRequestURI().getRawQuery());
      if (method.equals("GET") && watch && LIST.matcher(path).matches()) {
        idle(exchange, timeoutSeconds(exchange.getRequestURI().getRawQuery()));
      } else if (method.equals("GET") && (m = EVENTS.matcher(path)).matches()) {
        if (watch) {
          streamEvents(exchange, m.group(1), Integer.parseInt(m.group(2)));
        } else {
          send(exchange, 200, lists.computeIfAbsent(CACHED, PodFixtures::podListJson));
        }
      } else if (method.equals("POST") && (m = GO.matcher(path)).matches()) {
        exchange.getRequestBody().readAllBytes();
        latch(m.group(1)).countDown();
        send(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
      } else if (method.equals("GET") && (m = LIST.matcher(path)).matches()) {
        send(
            exchange,
            200,
            lists.computeIfAbsent(Integer.parseInt(m.group(1)), PodFixtures::podListJson));
      } else if (method.equals("GET") && POD.matcher(path).matches()) {
        send(exchange, 200, pod);
      } else if (method.equals("POST") && (m = CONFIG_MAPS.matcher(path)).matches()) {
        ObjectNode cm = (ObjectNode) JSON.readTree(exchange.getRequestBody());
        ObjectNode meta = cm.withObject("/metadata");
        meta.put("namespace", m.group(1));
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
        meta.put("creationTimestamp", "2026-01-01T00:00:00Z");
        send(exchange, 201, JSON.writeValueAsBytes(cm));
      } else if (method.equals("DELETE") && (m = CONFIG_MAP.matcher(path)).matches()) {
        exchange.getRequestBody().readAllBytes();
        String status =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\","
                + "\"details\":{\"name\":\""
                + m.group(2)
                + "\",\"kind\":\"configmaps\",\"uid\":\""
                + UUID.randomUUID()
                + "\"}}";
        send(exchange, 200, status.getBytes(StandardCharsets.UTF_8));
      } else {
        String status =
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"reason\":\"NotFound\",\"code\":404}";
        send(exchange, 404, status.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private CountDownLatch latch(String namespace) {
    return go.computeIfAbsent(namespace, n -> new CountDownLatch(1));
  }

  /**
   * Streams {@code count} MODIFIED events of the cached pods once the go request for {@code
   * namespace} came, then idles like any watch.
   */
  private void streamEvents(HttpExchange exchange, String namespace, int count) throws IOException {
    byte[][] parts = eventParts();
    exchange.sendResponseHeaders(200, 0);
    // The headers now: some clients count a watch as started only when they have them.
    exchange.getResponseBody().flush();
    OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16);
    try {
      if (!latch(namespace).await(5, TimeUnit.MINUTES)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    for (int i = 0; i < count; i++) {
      int pod = i % CACHED;
      out.write(parts[2 * pod]);
      out.write(Long.toString(LIST_RESOURCE_VERSION + 1 + i).getBytes(StandardCharsets.US_ASCII));
      out.write(parts[2 * pod + 1]);
    }
    out.flush();
    idle(exchange, timeoutSeconds(exchange.getRequestURI().getRawQuery()));
  }

  /**
   * Each cached pod's MODIFIED event split around the value of its resourceVersion: the part before
   * it at {@code 2 * pod}, the part after it at {@code 2 * pod + 1}.
   */
  private byte[][] eventParts() {
    byte[][] parts = eventParts;
    if (parts == null) {
      synchronized (this) {
        parts = eventParts;
        if (parts == null) {
          parts = new byte[2 * CACHED][];
          for (int pod = 0; pod < CACHED; pod++) {
            String json = new String(PodFixtures.podJson(pod), StandardCharsets.UTF_8);
            Matcher rv = RESOURCE_VERSION.matcher(json);
            if (!rv.find()) {
              throw new IllegalStateException("pod " + pod + " has no resourceVersion");
            }
            parts[2 * pod] =
                ("{\"type\":\"MODIFIED\",\"object\":" + json.substring(0, rv.start(1)))
                    .getBytes(StandardCharsets.UTF_8);
            parts[2 * pod + 1] =
                (json.substring(rv.end(1)) + "}\n").getBytes(StandardCharsets.UTF_8);
          }
          eventParts = parts;
        }
      }
    }
    return parts;
  }

  /**
   * Holds a watch open without events until {@code timeoutSeconds} pass or the server stops, as an
   * API server does when nothing changes; the client ends it by closing the connection.
   */
  private static void idle(HttpExchange exchange, long timeoutSeconds) throws IOException {
    if (exchange.getResponseCode() < 0) {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().flush();
    }
    try {
      TimeUnit.SECONDS.sleep(timeoutSeconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isWatch(@Nullable String query) {
    String watch = queryParameter(query, "watch");
    return watch != null && (watch.equals("1") || watch.equalsIgnoreCase("true"));
  }

  /** The watch's {@code timeoutSeconds}; 30 minutes when absent, as long as any run lasts. */
  private static long timeoutSeconds(@Nullable String query) {
    String t = queryParameter(query, "timeoutSeconds");
    return t == null ? 1800 : Long.parseLong(t);
  }

  private static @Nullable String queryParameter(@Nullable String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return eq < 0 ? "" : pair.substring(eq + 1);
      }
    }
    return null;
  }

  private static void send(HttpExchange exchange, int code, byte[] body) throws IOException {
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int off = 0; off < body.length; off += 1 << 20) {
        out.write(body, off, Math.min(1 << 20, body.length - off));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  /** Serves until standard input closes; see the class comment. */
  public static void main(String[] args) throws IOException {
    try (BenchApiServer server = new BenchApiServer()) {
      for (String count : args) {
        server.prepareList(Integer.parseInt(count));
      }
      Path kubeconfig = Files.createTempFile("bench-kubeconfig", ".yaml");
      kubeconfig.toFile().deleteOnExit();
      Files.writeString(kubeconfig, server.kubeconfig());
      System.out.println("KUBECONFIG " + kubeconfig);
      System.out.println("READY");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Serve until the driver closes the pipe or ends.
      }
    }
  }
}
