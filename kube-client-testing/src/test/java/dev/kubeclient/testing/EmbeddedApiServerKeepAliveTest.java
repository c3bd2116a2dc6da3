package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests rejected before their body is looked at must not spoil the kept-alive connection: a
 * client that sends every request on one TLS connection and never retries gets an answer to each,
 * in time, whatever mix of rejected and good requests it sends.
 */
class EmbeddedApiServerKeepAliveTest {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";

  private EmbeddedApiServer server;

  @TempDir Path dir;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().build().start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** An HTTP/1.1 client on one socket: no pool, no retry, a read timeout per answer. */
  private static final class OneConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    OneConnection(Socket socket) throws IOException {
      this.socket = socket;
      socket.setSoTimeout(5_000);
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    record Answer(int code, Map<String, String> headers, String body) {}

    Answer send(String method, String path, String contentType, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: keepalive-test/1.0\r\n"
              + "Content-Type: "
              + contentType
              + "\r\nContent-Length: "
              + bytes.length
              + "\r\n\r\n";
      // Headers and body in separate writes, so that over TLS they arrive as separate records and
      // a server that answers before reading the body still has body records on the wire.
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      out.write(bytes);
      out.flush();
      return read();
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed by the server");
        }
        if (c != '\r') {
          b.append((char) c);
        }
      }
      return b.toString();
    }

    private Answer read() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(); !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        headers.put(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; ) {
          body.write(in.readNBytes(size));
          line();
          size = Integer.parseInt(line().trim(), 16);
        }
        line();
      } else {
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        body.write(in.readNBytes(length));
      }
      return new Answer(code, headers, body.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private SSLContext trustServer() throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new java.io.ByteArrayInputStream(
                    server.caCertificatePem().getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  private static String cm(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"data\":{\"x\":\""
        + "y".repeat(2_500)
        + "\"}}";
  }

  @Test
  void oneTlsConnection_rejectedAndGoodPostsInterleaved_everyRequestAnsweredInTime()
      throws Exception {
    SSLContext ssl = trustServer();
    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () -> {
          SSLSocket socket =
              (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", server.port());
          List<String> failures = new ArrayList<>();
          try (OneConnection c = new OneConnection(socket)) {
            for (int i = 0; i < 240; i++) {
              OneConnection.Answer a;
              int expected;
              switch (i % 4) {
                case 0 -> {
                  a = c.send("POST", CMS + "?dryRun=Bogus", "application/json", cm("r" + i));
                  expected = 422;
                }
                case 1 -> {
                  a = c.send("POST", CMS, "application/json", cm("good-" + i));
                  expected = 201;
                }
                case 2 -> {
                  a = c.send("POST", CMS + "?limit=x", "application/cbor", cm("p" + i));
                  expected = 415;
                }
                default -> {
                  a =
                      c.send(
                          "PATCH", CMS + "/none?force=true", "application/merge-patch+json", "{}");
                  expected = 422;
                }
              }
              if (a.code() != expected) {
                failures.add(i + ": " + a.code() + " " + a.body());
              }
            }
          }
          assertThat(failures).isEmpty();
        });
    assertThat(server.resourceVersion()).isPositive();
  }

  @Test
  void oneTlsConnection_injectedFailures_doNotSpoilTheConnection() throws Exception {
    SSLContext ssl = trustServer();
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          SSLSocket socket =
              (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", server.port());
          try (OneConnection c = new OneConnection(socket)) {
            for (int i = 0; i < 60; i++) {
              server.faults().failNext(1, 503);
              assertThat(c.send("POST", CMS, "application/json", cm("f" + i)).code())
                  .isEqualTo(503);
              assertThat(c.send("POST", CMS, "application/json", cm("ok" + i)).code())
                  .isEqualTo(201);
            }
          }
        });
  }

  private static String python() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator)) {
      File f = new File(d, "python3");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  /**
   * Python's {@code http.client} as the judge, as the official Python client uses it: one
   * kept-alive TLS connection, no retries, rejected and good POSTs interleaved, then {@code
   * watch=True}. Skipped without python3.
   */
  @Test
  void pythonHttpClient_keptAliveConnection_andCapitalTrueWatch() throws Exception {
    String python = python();
    assumeTrue(python != null, "python3 is not on the PATH");
    Path ca = Files.writeString(dir.resolve("ca.pem"), server.caCertificatePem());
    Path script =
        Files.writeString(
            dir.resolve("keepalive.py"),
            """
            import http.client, json, ssl, sys
            ctx = ssl.create_default_context(cafile=sys.argv[1])
            conn = http.client.HTTPSConnection('127.0.0.1', int(sys.argv[2]), context=ctx, timeout=10)
            base = '/api/v1/namespaces/default/configmaps'
            for i in range(200):
                bad = i % 2 == 0
                body = json.dumps({'apiVersion': 'v1', 'kind': 'ConfigMap',
                                   'metadata': {'name': 'py-%d' % i}, 'data': {'x': 'y' * 2000}})
                conn.request('POST', base + ('?dryRun=Bogus' if bad else ''), body=body,
                              headers={'Content-Type': 'application/json'})
                r = conn.getresponse()
                r.read()
                want = 422 if bad else 201
                if r.status != want:
                    print('request %d: %d, want %d' % (i, r.status, want))
                    sys.exit(1)
            conn.request('GET', base + '?watch=True&timeoutSeconds=1&fieldSelector=metadata.name%3Dpy-1')
            r = conn.getresponse()
            first = r.read().decode().splitlines()[0]
            print(json.loads(first)['type'], json.loads(first)['object']['metadata']['name'])
            """);
    Process p =
        new ProcessBuilder(
                python, script.toString(), ca.toString(), Integer.toString(server.port()))
            .redirectErrorStream(true)
            .start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(done).as("python finished: %s", out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.trim()).isEqualTo("ADDED py-1");
  }
}
