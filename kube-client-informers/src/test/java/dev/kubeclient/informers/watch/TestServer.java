package dev.kubeclient.informers.watch;

import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.typed.ClientSet;
import java.time.Duration;

/**
 * An embedded server over plain HTTP with frequent bookmarks (so that it notices closed watches
 * quickly and stops fast), and a ClientSet for it.
 */
final class TestServer implements AutoCloseable {
  final EmbeddedApiServer server;
  final ClientSet clientSet;

  TestServer() {
    server =
        EmbeddedApiServer.newBuilder()
            .https(false)
            .bookmarkInterval(Duration.ofMillis(50))
            .build()
            .start();
    clientSet = ClientSet.newForConfig(server.restConfig());
  }

  @Override
  public void close() {
    clientSet.close();
    server.close();
  }
}
