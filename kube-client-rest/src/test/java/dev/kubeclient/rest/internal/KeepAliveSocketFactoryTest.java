package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.Test;

class KeepAliveSocketFactoryTest {
  @Test
  void createSocket_unconnected_hasKeepAlive() throws Exception {
    try (Socket s = new KeepAliveSocketFactory().createSocket()) {
      assertThat(s.getKeepAlive()).isTrue();
    }
  }
}
