package dev.kubeclient.testing;

import dev.kubeclient.core.internal.Preconditions;
import dev.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on loopback between one client and a server, which a test can cut off: a client-side
 * network partition, so that one client of an {@link EmbeddedApiServer} loses the server while the
 * others keep it. Bytes pass through unchanged (TLS too: the embedded server's certificate is valid
 * for 127.0.0.1).
 *
 * <pre>{@code
 * try (NetworkPartition net = NetworkPartition.start(server.url())) {
 *   ClientSet partitioned = ClientSet.newForConfig(net.restConfig(server.restConfig()));
 *   net.cut();        // requests fail at once: connections are reset
 *   net.blackhole();  // requests hang: bytes are swallowed
 *   net.heal();       // new connections work again
 * }
 * }</pre>
 *
 * <p>Threads: one accepting ({@code kube-network-partition-<n>-accept}) and two per open connection
 * ({@code kube-network-partition-<n>-pump-<m>}), all daemon threads that end at {@link #close()}.
 * Safe for concurrent use; a switch applies to bytes and connections from the moment it is called.
 */
public final class NetworkPartition implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NetworkPartition.class);
  private static final AtomicInteger IDS = new AtomicInteger();

  /** What the proxy does with traffic. */
  public enum Mode {
    /** Passes bytes both ways. */
    OPEN,
    /** Resets every connection, open or new: the client sees its requests fail at once. */
    CUT,
    /** Swallows every byte and holds connections open: the client's requests hang. */
    BLACKHOLE
  }

  /** A proxied connection; tainted once bytes were swallowed, so it can never be healed. */
  private static final class Pair {
    final Socket client;
    final Socket server;
    volatile boolean tainted;

    Pair(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void close() {
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private final URI target;
  private final ServerSocket listener;
  private final int id = IDS.incrementAndGet();
  private final AtomicInteger pumps = new AtomicInteger();
  private final AtomicInteger resets = new AtomicInteger();
  private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
  private final Set<Socket> held = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile Mode mode = Mode.OPEN;
  private volatile boolean closed;

  private NetworkPartition(URI target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
    this.acceptor = new Thread(this::accept, "kube-network-partition-" + id + "-accept");
    acceptor.setDaemon(true);
  }

  /**
   * Starts a proxy to {@code target} (such as {@link EmbeddedApiServer#url()}) on an ephemeral
   * loopback port.
   *
   * @throws UncheckedIOException when no port can be bound
   */
  public static NetworkPartition start(URI target) {
    Preconditions.checkNotNull(target, "target");
    Preconditions.checkArgument(
        target.getHost() != null && target.getPort() > 0,
        "target needs a host and a port: %s",
        target);
    try {
      ServerSocket listener = new ServerSocket();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      NetworkPartition p = new NetworkPartition(target, listener);
      p.acceptor.start();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port for the proxy", e);
    }
  }

  /** The proxy's URL: the target's scheme on 127.0.0.1 and the proxy's port. */
  public URI url() {
    return URI.create(
        target.getScheme()
            + "://"
            + InetAddress.getLoopbackAddress().getHostAddress()
            + ":"
            + listener.getLocalPort());
  }

  /** {@code config} pointed at this proxy instead of the server. */
  public RestConfig restConfig(RestConfig config) {
    return config.newBuilder().host(url().toString()).build();
  }

  /** Resets every open connection and every new one until {@link #heal()}. */
  public void cut() {
    mode = Mode.CUT;
    for (Pair p : pairs) {
      resets.incrementAndGet();
      p.close();
    }
  }

  /** Swallows every byte, on open connections and new ones, until {@link #heal()}. */
  public void blackhole() {
    mode = Mode.BLACKHOLE;
  }

  /**
   * Lets traffic through again. Connections that lost bytes to a blackhole are reset, since their
   * streams are broken.
   */
  public void heal() {
    mode = Mode.OPEN;
    for (Pair p : pairs) {
      if (p.tainted) {
        p.close();
      }
    }
    for (Socket s : held) {
      closeQuietly(s);
    }
    held.clear();
  }

  /** The current mode. */
  public Mode mode() {
    return mode;
  }

  /** How many connections {@link #cut()} has reset so far, open ones and new ones. */
  public int resetCount() {
    return resets.get();
  }

  /** The number of connections being proxied now. */
  public int connectionCount() {
    return pairs.size();
  }

  /** Stops the proxy and closes every connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    for (Pair p : pairs) {
      p.close();
    }
    for (Socket s : held) {
      closeQuietly(s);
    }
    try {
      acceptor.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("proxy {} stopped accepting", id, e);
        }
        return;
      }
      Mode m = mode;
      if (m == Mode.CUT) {
        resets.incrementAndGet();
        closeQuietly(client);
        continue;
      }
      if (m == Mode.BLACKHOLE) {
        held.add(client);
        continue;
      }
      Socket server = new Socket();
      try {
        server.connect(new InetSocketAddress(target.getHost(), target.getPort()), 10_000);
      } catch (IOException e) {
        log.debug("proxy {} cannot reach {}", id, target, e);
        closeQuietly(client);
        closeQuietly(server);
        continue;
      }
      Pair pair = new Pair(client, server);
      pairs.add(pair);
      startPump(pair, client, server);
      startPump(pair, server, client);
    }
  }

  private void startPump(Pair pair, Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> pump(pair, from, to),
            "kube-network-partition-" + id + "-pump-" + pumps.incrementAndGet());
    t.setDaemon(true);
    t.start();
  }

  private void pump(Pair pair, Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        Mode m = mode;
        if (m == Mode.CUT) {
          break;
        }
        if (m == Mode.BLACKHOLE || pair.tainted) {
          pair.tainted = true;
          continue;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // The other side or a switch closed the connection.
    } finally {
      pair.close();
      pairs.remove(pair);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Closing is best effort.
    }
  }

  @Override
  public String toString() {
    return "NetworkPartition{" + url() + " -> " + target + ", " + mode + "}";
  }
}
