package dev.kubeclient.testing;

import static dev.kubeclient.testing.TestHttp.cm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";

  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    http = new TestHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void failNext_429_hasRetryAfter_thenRecovers() {
    server.faults().failNext(2, 429);
    TestHttp.Response first = http.get(CMS);
    assertThat(first.code()).isEqualTo(429);
    assertThat(first.header("Retry-After")).isEqualTo("1");
    assertThat(first.body().path("reason").asText()).isEqualTo("TooManyRequests");
    assertThat(http.get(CMS).code()).isEqualTo(429);
    assertThat(http.get(CMS).code()).isEqualTo(200);
  }

  @Test
  void failNext_500and503_giveStatus() {
    server.faults().failNext(1, 500);
    assertThat(http.get(CMS).body().path("reason").asText()).isEqualTo("InternalError");
    server.faults().failNext(1, 503);
    assertThat(http.get(CMS).code()).isEqualTo(503);
  }

  @Test
  void throttleNext_usesGivenRetryAfter() {
    server.faults().throttleNext(1, Duration.ofSeconds(7));
    assertThat(http.get(CMS).header("Retry-After")).isEqualTo("7");
  }

  @Test
  void failNext_badCode_isRejected() {
    assertThatThrownBy(() -> server.faults().failNext(1, 404))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("httpCode must be 429, 500 or 503: 404");
  }

  @Test
  void delayResponses_slowsRequests() {
    server.faults().delayResponses(Duration.ofMillis(300));
    long start = System.nanoTime();
    http.get(CMS);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
    server.faults().reset();
  }

  @Test
  void closeAllWatches_endsOpenWatches() throws Exception {
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true")) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> server.watchCount() == 1);
      server.faults().closeAllWatches();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> w.ended);
      assertThat(server.watchCount()).isZero();
    }
  }

  @Test
  void closeWatchesAfter_endsWatchAfterNEvents() throws Exception {
    server.faults().closeWatchesAfter(2);
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true")) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> server.watchCount() == 1);
      for (int i = 0; i < 3; i++) {
        http.post(CMS, cm("c" + i, "{}"));
      }
      assertThat(w.next().path("type").asText()).isEqualTo("ADDED");
      assertThat(w.next().path("type").asText()).isEqualTo("ADDED");
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> w.ended);
      assertThat(w.poll(50)).isNull();
    }
  }

  @Test
  void compactHistory_watchFromOldResourceVersionGets410() throws Exception {
    String rv =
        http.post(CMS, cm("a", "{}")).body().path("metadata").path("resourceVersion").asText();
    http.post(CMS, cm("b", "{}"));
    server.faults().compactHistory();
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true&resourceVersion=" + rv)) {
      JsonNode event = w.next();
      assertThat(event.path("type").asText()).isEqualTo("ERROR");
      assertThat(event.path("object").path("code").asInt()).isEqualTo(410);
    }
  }

  @Test
  void restart_keepState_dropsWatchesButKeepsObjects() throws Exception {
    http.post(CMS, cm("a", "{}"));
    long rv = server.resourceVersion();
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true")) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> server.watchCount() == 1);
      server.faults().restart(true);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> w.ended);
    }
    assertThat(http.get(CMS + "/a").code()).isEqualTo(200);
    http.post(CMS, cm("b", "{}"));
    assertThat(server.resourceVersion()).isGreaterThan(rv);
  }

  @Test
  void restart_wipe_leavesOnlyInitialNamespaces() {
    http.post(CMS, cm("a", "{}"));
    server.faults().restart(false);
    assertThat(http.get(CMS + "/a").code()).isEqualTo(404);
    assertThat(http.get("/api/v1/namespaces/default").code()).isEqualTo(200);
  }

  @Test
  void restart_wipe_watchFromBeforeTheLossGets410() throws Exception {
    http.post(CMS, cm("a", "{}"));
    long rv = server.resourceVersion();
    server.faults().restart(false);
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true&resourceVersion=" + rv)) {
      assertThat(w.next().path("object").path("code").asInt()).isEqualTo(410);
    }
  }

  @Test
  void expireNextLists_answers410ThenRecovers() {
    server.faults().expireNextLists(1);
    TestHttp.Response first = http.get(CMS + "?resourceVersion=0");
    assertThat(first.code()).isEqualTo(410);
    assertThat(first.body().path("reason").asText()).isEqualTo("Expired");
    assertThat(http.get(CMS).code()).isEqualTo(200);
  }

  @Test
  void tooLargeResourceVersionNextLists_hitsOnlyListsAtAVersion() {
    server.faults().tooLargeResourceVersionNextLists(1);
    assertThat(http.get(CMS + "?resourceVersion=0").code()).isEqualTo(200);
    TestHttp.Response atVersion = http.get(CMS + "?resourceVersion=1");
    assertThat(atVersion.code()).isEqualTo(504);
    assertThat(atVersion.body().path("details").path("causes").get(0).path("reason").asText())
        .isEqualTo("ResourceVersionTooLarge");
    assertThat(http.get(CMS + "?resourceVersion=1").code()).isEqualTo(200);
  }

  @Test
  void rejectNextWatches_answersWithTheHttpStatus() {
    server.faults().rejectNextWatches(1, 410);
    assertThat(http.get(CMS + "?watch=true").code()).isEqualTo(410);
    assertThatThrownBy(() -> server.faults().rejectNextWatches(1, 404))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("404");
  }

  @Test
  void bareCloseNextWatches_endsWithoutEvents() throws Exception {
    http.post(CMS, cm("a", "{}"));
    server.faults().bareCloseNextWatches(1);
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true")) {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> w.ended);
      assertThat(w.poll(50)).isNull();
    }
  }

  @Test
  void expireWatchesAfter_sendsErrorEventAfterNEvents() throws Exception {
    http.post(CMS, cm("a", "{}"));
    http.post(CMS, cm("b", "{}"));
    server.faults().expireWatchesAfter(1);
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true")) {
      assertThat(w.next().path("type").asText()).isEqualTo("ADDED");
      JsonNode error = w.next();
      assertThat(error.path("type").asText()).isEqualTo("ERROR");
      assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
    }
  }
}
