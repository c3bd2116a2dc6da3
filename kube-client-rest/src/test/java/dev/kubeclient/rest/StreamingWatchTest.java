package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.core.errors.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Wire tests of watch decoding: split frames, bookmarks, errors, server close, client close. */
class StreamingWatchTest {
  private static final String ADDED =
      "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"10\"}}}\n";
  private static final String MODIFIED =
      "{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"11\"}}}\n";
  private static final String BOOKMARK =
      "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"resourceVersion\":\"12\"}}}\n";
  private static final String GONE =
      "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
          + "\"message\":\"too old resource version: 1 (5)\",\"reason\":\"Expired\",\"code\":410}}\n";

  private final MockWebServer server = new MockWebServer();
  private Transport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport =
        Transport.forConfig(
            RestConfig.builder()
                .host(server.url("/").toString())
                .readTimeout(Duration.ofMillis(200))
                .build(),
            new FakeClock(),
            Map.of());
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private Watch<TestObject> watch() {
    return RESTClient.forTransport(transport, "v1")
        .get()
        .namespace("ns")
        .resource("pods")
        .param("resourceVersion", "9")
        .param("allowWatchBookmarks", true)
        .watch(TestObject.class);
  }

  private static List<String> drain(Watch<TestObject> w) {
    List<String> out = new ArrayList<>();
    while (w.hasNext()) {
      WatchEvent<TestObject> e = w.next();
      out.add(e.type() + ":" + e.resourceVersion());
    }
    return out;
  }

  @Test
  void watch_framesSplitAcrossChunks_decodedInOrder() throws Exception {
    // Chunks of 7 bytes cut every frame, including in the middle of strings and between lines.
    server.enqueue(
        new MockResponse.Builder().code(200).chunkedBody(ADDED + MODIFIED + BOOKMARK, 7).build());
    try (Watch<TestObject> w = watch()) {
      assertThat(drain(w)).containsExactly("ADDED:10", "MODIFIED:11", "BOOKMARK:12");
      assertThat(w.hasNext()).isFalse();
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/ns/pods");
    assertThat(r.getUrl().queryParameter("watch")).isEqualTo("true");
    assertThat(r.getUrl().queryParameter("timeout")).isNull();
  }

  @Test
  void watch_quietResource_returnsBeforeFirstEvent() {
    // A watch on a resource nobody changes sends headers and then nothing for a long time; the
    // caller must get its Watch at once, not when the first event arrives.
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .bodyDelay(3, TimeUnit.SECONDS)
            .chunkedBody(ADDED, 64)
            .build());
    Watch<TestObject> w =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofMillis(2500), this::watch);
    try (w) {
      assertThat(drain(w)).containsExactly("ADDED:10");
    }
  }

  @Test
  void isNextBuffered_trueOnlyWhileMoreOfTheStreamWasRead() {
    // Three events in one small body arrive together: after the first, the rest is buffered;
    // after the last, only the trailing newline is, which is not an event.
    server.enqueue(new MockResponse.Builder().code(200).body(ADDED + MODIFIED + BOOKMARK).build());
    try (Watch<TestObject> w = watch()) {
      assertThat(w.isNextBuffered()).as("before the first read").isFalse();
      assertThat(w.next().type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThat(w.isNextBuffered()).as("after the first event").isTrue();
      assertThat(w.next().type()).isEqualTo(WatchEvent.Type.MODIFIED);
      assertThat(w.isNextBuffered()).as("after the second event").isTrue();
      assertThat(w.next().type()).isEqualTo(WatchEvent.Type.BOOKMARK);
      assertThat(w.isNextBuffered()).as("after the last event").isFalse();
      assertThat(w.hasNext()).isFalse();
      assertThat(w.isNextBuffered()).as("after the end").isFalse();
    }
  }

  @Test
  void isNextBuffered_whitespaceAfterAnEvent_isNoEvent() {
    // The newlines after the last event fill whatever buffer took them, the parser's or OkHttp's:
    // neither holds an event, and the caller must not expect one without waiting.
    server.enqueue(new MockResponse.Builder().code(200).body(ADDED + " \n".repeat(20_000)).build());
    try (Watch<TestObject> w = watch()) {
      assertThat(w.next().type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThat(w.isNextBuffered()).isFalse();
      assertThat(w.hasNext()).isFalse();
    }
  }

  @Test
  void isNextBuffered_falseWhileTheNextEventIsStillOnTheWay() {
    // The second event leaves the server 100 ms after the first.
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(ADDED + MODIFIED)
            .throttleBody(ADDED.length(), 100, TimeUnit.MILLISECONDS)
            .build());
    try (Watch<TestObject> w = watch()) {
      assertThat(w.next().type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThat(w.isNextBuffered()).isFalse();
      assertThat(w.hasNext()).isTrue();
      assertThat(w.isNextBuffered()).as("read by hasNext, not yet taken").isTrue();
      assertThat(w.next().type()).isEqualTo(WatchEvent.Type.MODIFIED);
      assertThat(w.hasNext()).isFalse();
    }
  }

  @Test
  void watch_framesWithoutNewlines_decoded() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .chunkedBody(ADDED.strip() + MODIFIED.strip(), 5)
            .build());
    try (Watch<TestObject> w = watch()) {
      assertThat(drain(w)).containsExactly("ADDED:10", "MODIFIED:11");
    }
  }

  @Test
  void watch_errorEvent_throwsGoneAfterEarlierEvents() {
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody(ADDED + GONE, 16).build());
    try (Watch<TestObject> w = watch()) {
      assertThat(w.next().type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThatThrownBy(w::hasNext)
          .isInstanceOf(dev.kubeclient.core.errors.ApiException.class)
          .satisfies(e -> assertThat(Errors.isResourceExpired(e)).isTrue())
          .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(410))
          .hasMessageContaining("too old resource version");
      assertThat(w.hasNext()).isFalse();
    }
  }

  /** Scenario of apimachinery's {@code TestStreamWatcher} ending on io.ErrUnexpectedEOF. */
  @Test
  void watch_serverClosesAfterPartialFrame_endsQuietly() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Length", ADDED.length() + 20)
            .body(ADDED + MODIFIED.substring(0, 20))
            .build());
    try (Watch<TestObject> w = watch()) {
      assertThat(w.next().resourceVersion()).isEqualTo("10");
      assertThat(w.hasNext()).isFalse();
      assertThat(w.hasNext()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestServers.Wire.class)
  void watch_connectionDropsMidStream_endsQuietlyAfterDeliveredEvents(TestServers.Wire wire)
      throws Exception {
    try (MockWebServer dropping = TestServers.start(wire);
        Transport t = Transport.forConfig(TestServers.config(dropping).build())) {
      // Half the body is written, then the socket (HTTP/1.1) or the stream (HTTP/2) is cut.
      dropping.enqueue(
          new MockResponse.Builder()
              .code(200)
              .body(ADDED + MODIFIED + "x".repeat(ADDED.length() + MODIFIED.length()))
              .onResponseBody(
                  wire == TestServers.Wire.HTTP_2
                      ? new SocketEffect.CloseStream(8)
                      : new SocketEffect.CloseSocket(true, false, false))
              .build());
      try (Watch<TestObject> w =
          RESTClient.forTransport(t, "v1").get().resource("pods").watch(TestObject.class)) {
        List<String> seen = new ArrayList<>();
        while (w.hasNext()) {
          seen.add(w.next().resourceVersion());
        }
        assertThat(seen).isSubsetOf("10", "11");
        assertThat(w.hasNext()).isFalse();
      }
    }
  }

  /**
   * The object is decoded straight from the stream when the type comes first (as API servers
   * write); other field orders and extra fields must decode the same.
   */
  @Test
  void watch_objectBeforeTypeOrExtraFields_decodedAsUsual() {
    String objectFirst =
        "{\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"11\"}},"
            + "\"type\":\"MODIFIED\"}\n";
    String extraFields =
        "{\"extra\":{\"x\":[1,{\"y\":2}]},\"type\":\"DELETED\",\"more\":3,"
            + "\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"12\"}},"
            + "\"last\":null}\n";
    String goneFirst =
        "{\"object\":{\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"Expired\","
            + "\"message\":\"too old resource version\",\"code\":410},\"type\":\"ERROR\"}\n";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .chunkedBody(ADDED + objectFirst + extraFields + goneFirst, 7)
            .build());
    try (Watch<TestObject> w = watch()) {
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        WatchEvent<TestObject> e = w.next();
        seen.add(e.type() + ":" + e.object().getMetadata().getName() + ":" + e.resourceVersion());
      }
      assertThat(seen).containsExactly("ADDED:a:10", "MODIFIED:a:11", "DELETED:a:12");
      assertThatThrownBy(w::hasNext)
          .satisfies(e -> assertThat(Errors.isResourceExpired(e)).isTrue());
    }
  }

  @Test
  void watch_badFrames_throwDecodeExceptionsNamingTheProblem() {
    Map<String, String> frames =
        Map.of(
            "{\"type\":\"ADDDED\",\"object\":{\"metadata\":{}}}\n", "unknown event type 'ADDDED'",
            "{\"type\":\"ADDED\",\"object\":null}\n", "ADDED event without an object",
            "{\"type\":\"ADDED\"}\n", "ADDED event without an object",
            "{\"object\":{\"metadata\":{}}}\n", "unknown event type ''");
    for (Map.Entry<String, String> frame : frames.entrySet()) {
      server.enqueue(new MockResponse.Builder().code(200).body(ADDED + frame.getKey()).build());
      try (Watch<TestObject> w = watch()) {
        assertThat(w.next().resourceVersion()).isEqualTo("10");
        assertThatThrownBy(w::hasNext)
            .as(frame.getKey())
            .isInstanceOf(DecodeException.class)
            .hasMessageContaining(frame.getValue());
        assertThat(w.hasNext()).isFalse();
      }
    }
  }

  @Test
  void watch_undecodableEvent_throwsDecodeExceptionNamingTheWatch() {
    String badObject = "{\"type\":\"ADDED\",\"object\":{\"metadata\":\"not-a-map\"}}\n";
    server.enqueue(new MockResponse.Builder().code(200).body(ADDED + badObject).build());
    try (Watch<TestObject> w = watch()) {
      assertThat(w.next().resourceVersion()).isEqualTo("10");
      assertThatThrownBy(w::hasNext)
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("/api/v1/namespaces/ns/pods")
          .hasMessageContaining("ADDED");
      assertThat(w.hasNext()).isFalse();
    }
    server.enqueue(new MockResponse.Builder().code(200).body(ADDED + "[1,2]\n").build());
    try (Watch<TestObject> w = watch()) {
      w.next();
      assertThatThrownBy(w::hasNext).isInstanceOf(DecodeException.class);
    }
  }

  @Test
  void watch_firstAttempt_takesNoRateLimiterPermit() throws Exception {
    AtomicInteger permits = new AtomicInteger();
    RateLimiter counting =
        new RateLimiter() {
          @Override
          public boolean tryAccept() {
            permits.incrementAndGet();
            return true;
          }

          @Override
          public Duration acquire(Duration maxWait) {
            permits.incrementAndGet();
            return Duration.ZERO;
          }

          @Override
          public double qps() {
            return 0;
          }
        };
    try (Transport t =
        Transport.forConfig(
            RestConfig.builder().host(server.url("/").toString()).rateLimiter(counting).build(),
            new FakeClock(),
            Map.of())) {
      server.enqueue(new MockResponse.Builder().code(200).body(ADDED).build());
      try (Watch<TestObject> w =
          RESTClient.forTransport(t, "v1").get().resource("pods").watch(TestObject.class)) {
        assertThat(drain(w)).containsExactly("ADDED:10");
      }
      assertThat(permits).hasValue(0);
      server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
      RESTClient.forTransport(t, "v1").get().resource("pods").execute();
      assertThat(permits).hasValue(1);
    }
  }

  @Test
  void watch_errorStatusResponse_throwsBeforeStreaming() {
    server.enqueue(
        new MockResponse.Builder()
            .code(403)
            .body("{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\",\"message\":\"no\"}")
            .build());
    assertThatThrownBy(this::watch)
        .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(403));
  }

  @Test
  void watch_noReadTimeout_waitsLongerThanUnaryReadTimeout() {
    // The unary read timeout is 200 ms; the watch's first event comes after 600 ms.
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .bodyDelay(600, TimeUnit.MILLISECONDS)
            .body(ADDED)
            .build());
    try (Watch<TestObject> w = watch()) {
      assertThat(drain(w)).containsExactly("ADDED:10");
    }
  }

  @Test
  void close_fromAnotherThread_unblocksHasNext() throws Exception {
    // The second event is held back for 30 s: hasNext() blocks in a read.
    server.enqueue(heldOpenAfterFirstEvent());
    Watch<TestObject> w = watch();
    assertThat(w.next().type()).isEqualTo(WatchEvent.Type.ADDED);
    CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(w::hasNext);
    TimeUnit.MILLISECONDS.sleep(100);
    assertThat(next).isNotDone();
    w.close();
    assertThat(next.get(5, TimeUnit.SECONDS)).isFalse();
    w.close();
  }

  @Test
  void watch_manyOpenWatches_doNotStarveUnaryCalls() throws Exception {
    // More open watches than OkHttp's dispatcher allows per host (5): unary calls still go through.
    List<Watch<TestObject>> watches = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        server.enqueue(heldOpenAfterFirstEvent());
        Watch<TestObject> w = watch();
        assertThat(w.next().type()).isEqualTo(WatchEvent.Type.ADDED);
        watches.add(w);
      }
      server.enqueue(
          new MockResponse.Builder().code(200).body("{\"metadata\":{\"name\":\"u\"}}").build());
      TestObject o =
          RESTClient.forTransport(transport, "v1")
              .get()
              .resource("pods")
              .name("u")
              .timeout(Duration.ofSeconds(5))
              .execute(TestObject.class);
      assertThat(o.name()).isEqualTo("u");
    } finally {
      watches.forEach(Watch::close);
    }
  }

  /** Sends ADDED, then holds the second event back for 30 s. */
  private static MockResponse heldOpenAfterFirstEvent() {
    return new MockResponse.Builder()
        .code(200)
        .body(ADDED + MODIFIED)
        .throttleBody(ADDED.length(), 30, TimeUnit.SECONDS)
        .build();
  }

  @Test
  void watch_clientDeadline_endsCleanly() {
    server.enqueue(heldOpenAfterFirstEvent());
    long start = System.nanoTime();
    try (Watch<TestObject> w =
        RESTClient.forTransport(transport, "v1")
            .get()
            .resource("pods")
            .timeout(Duration.ofMillis(500))
            .watch(TestObject.class)) {
      assertThat(drain(w)).containsExactly("ADDED:10");
    }
    assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
  }
}
