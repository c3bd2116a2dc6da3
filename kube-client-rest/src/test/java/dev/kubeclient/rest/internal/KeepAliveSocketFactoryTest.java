package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

class KeepAliveSocketFactoryTest {
  @Test
  void createSocket_unconnected_hasKeepAliveEvery30Seconds() throws Exception {
    try (Socket s = new KeepAliveSocketFactory().createSocket()) {
      assertThat(s.getKeepAlive()).isTrue();
      if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
        assertThat(s.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(30);
        assertThat(s.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(30);
      }
    }
  }

  @Test
  void closeAll_connectedSockets_allClosedAndForgotten() throws Exception {
    KeepAliveSocketFactory f = new KeepAliveSocketFactory();
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Socket a = f.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
      Socket b = f.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
      Socket closedEarly = f.createSocket();
      closedEarly.close();
      assertThat(f.openSockets()).isEqualTo(2);
      f.closeAll();
      assertThat(a.isClosed()).isTrue();
      assertThat(b.isClosed()).isTrue();
      assertThat(f.openSockets()).isZero();
    }
  }
}
