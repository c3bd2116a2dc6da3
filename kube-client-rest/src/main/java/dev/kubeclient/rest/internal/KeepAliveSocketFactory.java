package dev.kubeclient.rest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Turns on TCP keepalive for every socket, so that a watch on a silently dead path (no FIN, no RST:
 * a NAT or load balancer dropped the flow) is eventually detected by the kernel, as Go's dialer
 * does with its 30 s keepalive.
 */
public final class KeepAliveSocketFactory extends SocketFactory {
  private final SocketFactory delegate = SocketFactory.getDefault();

  private static Socket keepAlive(Socket s) throws IOException {
    s.setKeepAlive(true);
    return s;
  }

  @Override
  public Socket createSocket() throws IOException {
    return keepAlive(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return keepAlive(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return keepAlive(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return keepAlive(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return keepAlive(delegate.createSocket(address, port, localAddress, localPort));
  }
}
