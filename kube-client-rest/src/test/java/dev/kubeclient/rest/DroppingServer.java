package dev.kubeclient.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that drops the first {@code drops} connections right after reading the
 * request headers (a reset the client sees as an unexpected end of stream), then answers 200 with a
 * fixed JSON body.
 */
final class DroppingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;
  final AtomicInteger requests = new AtomicInteger();

  DroppingServer(int drops, String body) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  try (Socket s = socket.accept()) {
                    readHeaders(s.getInputStream());
                    int n = requests.incrementAndGet();
                    if (n <= drops) {
                      continue;
                    }
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = s.getOutputStream();
                    out.write(
                        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                + b.length
                                + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(b);
                    out.flush();
                  }
                }
              } catch (IOException e) {
                // Closed.
              }
            },
            "dropping-server");
    thread.setDaemon(true);
    thread.start();
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  private static void readHeaders(InputStream in) throws IOException {
    int state = 0;
    int c;
    while ((c = in.read()) != -1) {
      state = (c == '\r' || c == '\n') ? state + 1 : 0;
      if (state == 4) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
