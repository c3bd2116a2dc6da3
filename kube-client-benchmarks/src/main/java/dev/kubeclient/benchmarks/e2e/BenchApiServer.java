package dev.kubeclient.benchmarks.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kubeclient.benchmarks.PodFixtures;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loopback API server of the end-to-end benchmarks: canned responses from memory, so that what
 * is measured is the client. Lists of namespace {@code pods-N} hold pods {@code 0..N-1} of {@link
 * PodFixtures} (the bytes made once, before the server reports ready); a GET of any pod returns pod
 * 0; ConfigMaps are echoed on create with server-set metadata and answered with a success Status on
 * delete, as the API server answers. Everything else is a 404 Status.
 *
 * <p>Run as a program, it makes the lists for the counts given as arguments, writes a kubeconfig
 * for itself to a temporary file and prints {@code KUBECONFIG <path>}, then {@code READY}; it
 * serves until its standard input closes. Handlers run on a pool of 32 threads, enough for the
 * 16-thread throughput run.
 */
public final class BenchApiServer implements AutoCloseable {
  private static final Pattern LIST = Pattern.compile("/api/v1/namespaces/pods-(\\d+)/pods");
  private static final Pattern POD = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+");
  private static final Pattern CONFIG_MAPS =
      Pattern.compile("/api/v1/namespaces/([^/]+)/configmaps");
  private static final Pattern CONFIG_MAP =
      Pattern.compile("/api/v1/namespaces/([^/]+)/configmaps/([^/]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(32);
  private final Map<Integer, byte[]> lists = new ConcurrentHashMap<>();
  private final byte[] pod = PodFixtures.podJson(0);
  private final AtomicLong resourceVersion = new AtomicLong(1000);

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
      if (method.equals("GET") && (m = LIST.matcher(path)).matches()) {
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
