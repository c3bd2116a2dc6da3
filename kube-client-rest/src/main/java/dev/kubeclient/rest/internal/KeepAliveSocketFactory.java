package dev.kubeclient.rest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * Makes the transport's sockets: each with TCP keepalive probing after 30 s of silence and every 30
 * s after that, as Go's dialer does in client-go ({@code KeepAlive: 30 * time.Second}), so that a
 * watch on a silently dead path (no FIN, no RST: a NAT or load balancer dropped the flow) is
 * detected by the kernel. Where the platform cannot set the interval, keepalive is still on with
 * the system's timing.
 *
 * <p>It also remembers the sockets it made that are still open, so that {@link #closeAll()} can
 * close every connection, busy ones included, when an exec plugin rotates the client certificate
 * (client-go's {@code connrotation.ConnectionTracker}). Safe for concurrent use.
 */
public final class KeepAliveSocketFactory extends SocketFactory {
  /** Go's dialer default: idle time before the first probe, and time between probes. */
  static final int KEEPALIVE_SECONDS = 30;

  private final SocketFactory delegate = SocketFactory.getDefault();

  /** Sockets made and not yet seen closed; closed ones are dropped as new ones are made. */
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private Socket track(Socket s) throws IOException {
    s.setKeepAlive(true);
    setIfSupported(s, ExtendedSocketOptions.TCP_KEEPIDLE, KEEPALIVE_SECONDS);
    setIfSupported(s, ExtendedSocketOptions.TCP_KEEPINTERVAL, KEEPALIVE_SECONDS);
    open.removeIf(Socket::isClosed);
    open.add(s);
    return s;
  }

  private static <T> void setIfSupported(Socket s, SocketOption<T> option, T value)
      throws IOException {
    if (s.supportedOptions().contains(option)) {
      s.setOption(option, value);
    }
  }

  /** Closes every socket made so far that is still open; the caller's requests on them fail. */
  public void closeAll() {
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // Closing is all we want; a socket that cannot close cleanly is gone anyway.
      }
    }
    open.removeIf(Socket::isClosed);
  }

  /** How many sockets are open; for tests. */
  int openSockets() {
    open.removeIf(Socket::isClosed);
    return open.size();
  }

  @Override
  public Socket createSocket() throws IOException {
    return track(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return track(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return track(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return track(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return track(delegate.createSocket(address, port, localAddress, localPort));
  }
}
