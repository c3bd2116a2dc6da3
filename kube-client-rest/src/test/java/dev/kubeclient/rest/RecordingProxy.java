package dev.kubeclient.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP proxy that records the header block of each request (a proxied GET or a {@code
 * CONNECT}) and answers every one with a fixed response, then closes the connection.
 */
final class RecordingProxy implements AutoCloseable {
  private final ServerSocket socket;
  final List<String> requests = new CopyOnWriteArrayList<>();

  RecordingProxy(String response) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  try (Socket s = socket.accept()) {
                    requests.add(readHeaders(s.getInputStream()));
                    OutputStream out = s.getOutputStream();
                    out.write(response.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                  }
                }
              } catch (IOException e) {
                // Closed.
              }
            },
            "recording-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int state = 0;
    int c;
    while ((c = in.read()) != -1) {
      b.write(c);
      state = (c == '\r' || c == '\n') ? state + 1 : 0;
      if (state == 4) {
        break;
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
