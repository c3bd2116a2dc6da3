package dev.kubeclient.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.rest.TestServers.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Transport#close()} ends what is open: watches and streams blocked in a read, and requests
 * still waiting for the client-side rate limiter, over HTTP/1.1 and HTTP/2.
 */
class TransportCloseTest {
  private static final String ADDED =
      "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"10\"}}}\n";

  /** Sends {@code first}, then holds the rest of the body back for a minute. */
  private static MockResponse heldOpenAfter(String first) {
    return new MockResponse.Builder()
        .code(200)
        .body(first + "x".repeat(64))
        .throttleBody(first.length(), 60, TimeUnit.SECONDS)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void close_threadBlockedInWatchHasNext_returnsFalse(Wire wire) throws Exception {
    try (MockWebServer server = TestServers.start(wire)) {
      server.enqueue(heldOpenAfter(ADDED));
      Transport transport = Transport.forConfig(TestServers.config(server).build());
      Watch<TestObject> w =
          RESTClient.forTransport(transport, "v1").get().resource("pods").watch(TestObject.class);
      assertThat(w.next().resourceVersion()).isEqualTo("10");
      CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(w::hasNext);
      assertThat(server.takeRequest().getVersion())
          .isEqualTo(wire == Wire.HTTP_2 ? "HTTP/2" : "HTTP/1.1");
      TimeUnit.MILLISECONDS.sleep(50);
      assertThat(blocked).isNotDone();
      transport.close();
      assertThat(blocked.get(5, TimeUnit.SECONDS)).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void close_threadReadingFollowedStream_readFailsAtOnce(Wire wire) throws Exception {
    try (MockWebServer server = TestServers.start(wire)) {
      String line = "log line " + "-".repeat(80) + "\n";
      server.enqueue(heldOpenAfter(line));
      Transport transport = Transport.forConfig(TestServers.config(server).build());
      InputStream in =
          RESTClient.forTransport(transport, "v1")
              .get()
              .namespace("ns")
              .resource("pods")
              .name("p")
              .subResource("log")
              .param("follow", true)
              .stream();
      assertThat(readExactly(in, line.length())).isEqualTo(line);
      CompletableFuture<Integer> blocked =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return in.read();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      TimeUnit.MILLISECONDS.sleep(50);
      assertThat(blocked).isNotDone();
      transport.close();
      assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseInstanceOf(IOException.class);
      in.close();
    }
  }

  /**
   * Reads {@code n} bytes without ever asking for zero more: OkHttp's stream blocks for data even
   * then, so {@link InputStream#readNBytes(int)} would wait for the held-back rest of the body.
   */
  private static String readExactly(InputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    int off = 0;
    while (off < n) {
      int r = in.read(b, off, n - off);
      if (r < 0) {
        break;
      }
      off += r;
    }
    return new String(b, 0, off, UTF_8);
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void close_requestsWaitingOnThrottle_failFastWithoutBeingSent(Wire wire) throws Exception {
    try (MockWebServer server = TestServers.start(wire)) {
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      // One permit, then one every 1000 s: the second and later requests wait on the throttle.
      Transport transport =
          Transport.forConfig(TestServers.config(server).qps(0.001).burst(1).build());
      RESTClient client = RESTClient.forTransport(transport, "v1");
      client.get().resource("pods").execute();
      List<CompletableFuture<Void>> waiting = new ArrayList<>();
      java.util.concurrent.ExecutorService threads =
          java.util.concurrent.Executors.newFixedThreadPool(32);
      for (int i = 0; i < 32; i++) {
        waiting.add(
            CompletableFuture.runAsync(() -> client.get().resource("pods").execute(), threads));
      }
      threads.shutdown();
      // Close only once every caller waits on the throttle: a caller that has not reached it yet
      // would meet a closed transport at its start, which is another case.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(transport.waitingCallers()).isEqualTo(32));
      assertThat(waiting).noneMatch(CompletableFuture::isDone);
      assertTimeoutPreemptively(Duration.ofSeconds(5), transport::close);
      for (CompletableFuture<Void> f : waiting) {
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(KubeClientException.class)
            .hasMessageContaining("closed");
      }
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void close_customLimiterReturnsAfterClose_requestNotSent(Wire wire) throws Exception {
    try (MockWebServer server = TestServers.start(wire)) {
      java.util.concurrent.CountDownLatch inLimiter = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      RateLimiter gate =
          new RateLimiter() {
            @Override
            public boolean tryAccept() {
              return false;
            }

            @Override
            public Duration acquire(Duration maxWait) throws InterruptedException {
              inLimiter.countDown();
              release.await();
              return Duration.ZERO;
            }

            @Override
            public double qps() {
              return 0;
            }
          };
      Transport transport =
          Transport.forConfig(TestServers.config(server).rateLimiter(gate).build());
      CompletableFuture<Void> waiting =
          CompletableFuture.runAsync(
              () -> RESTClient.forTransport(transport, "v1").get().resource("pods").execute());
      assertThat(inLimiter.await(5, TimeUnit.SECONDS)).isTrue();
      transport.close();
      release.countDown();
      assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(KubeClientException.class)
          .hasMessageContaining("closed");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void openCalls_afterEveryKindOfCallEnds_noneTracked(Wire wire) throws Exception {
    try (MockWebServer server = TestServers.start(wire);
        Transport transport = Transport.forConfig(TestServers.config(server).build())) {
      RESTClient c = RESTClient.forTransport(transport, "v1");
      for (int i = 0; i < 3; i++) {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      }
      server.enqueue(new MockResponse.Builder().code(200).body(ADDED).build());
      server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
      server.enqueue(heldOpenAfter(ADDED));
      server.enqueue(heldOpenAfter("a line\n"));
      c.get().resource("pods").execute(TestObject.class);
      c.get().resource("pods").executeRaw();
      c.get().resource("pods").execute();
      try (Watch<TestObject> w = c.get().resource("pods").watch(TestObject.class)) {
        w.next();
        assertThat(w.hasNext()).isFalse();
      }
      assertThatThrownBy(() -> c.get().resource("pods").execute())
          .isInstanceOf(dev.kubeclient.core.errors.NotFoundException.class);
      try (Watch<TestObject> w = c.get().resource("pods").watch(TestObject.class)) {
        w.next();
      }
      try (InputStream in = c.get().resource("pods").param("follow", true).stream()) {
        assertThat(in.read()).isEqualTo('a');
      }
      assertThat(transport.openCalls()).isZero();
    }
  }
}
