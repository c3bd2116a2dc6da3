package dev.kubeclient.testing;

import static dev.kubeclient.testing.TestHttp.cm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watch semantics of {@link EmbeddedApiServer}, as the watch cache gives them. */
class EmbeddedApiServerWatchTest {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";

  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server =
        EmbeddedApiServer.newBuilder()
            .https(false)
            .historyLimit(50)
            .bookmarkInterval(Duration.ofMillis(100))
            .build()
            .start();
    http = new TestHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String rv(JsonNode object) {
    return object.path("metadata").path("resourceVersion").asText();
  }

  @Test
  void watch_fromResourceVersion_replaysLaterChangesInOrder() throws Exception {
    String rv = rv(http.post(CMS, cm("a", "{}")).body());
    http.post(CMS, cm("b", "{}"));
    http.delete(CMS + "/a");
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true&resourceVersion=" + rv)) {
      JsonNode added = w.next();
      assertThat(added.path("type").asText()).isEqualTo("ADDED");
      assertThat(added.path("object").path("metadata").path("name").asText()).isEqualTo("b");
      assertThat(added.path("object").path("kind").asText()).isEqualTo("ConfigMap");
      JsonNode deleted = w.next();
      assertThat(deleted.path("type").asText()).isEqualTo("DELETED");
      assertThat(Long.parseLong(rv(deleted.path("object"))))
          .isGreaterThan(Long.parseLong(rv(added.path("object"))));
      http.put(CMS + "/b", "{\"metadata\":{\"name\":\"b\"},\"data\":{\"n\":\"1\"}}");
      assertThat(w.next().path("type").asText()).isEqualTo("MODIFIED");
    }
  }

  @Test
  void watch_fromZero_startsWithSyntheticAdded() {
    http.post(CMS, cm("a", "{}"));
    try (TestHttp.Watch w = http.watch(CMS + "?watch=1&resourceVersion=0")) {
      JsonNode first = w.next();
      assertThat(first.path("type").asText()).isEqualTo("ADDED");
      assertThat(first.path("object").path("metadata").path("name").asText()).isEqualTo("a");
      http.post(CMS, cm("b", "{}"));
      assertThat(w.next().path("object").path("metadata").path("name").asText()).isEqualTo("b");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void watch_tooOldResourceVersion_getsErrorEvent410() throws Exception {
    String rv = rv(http.post(CMS, cm("a", "{}")).body());
    for (int i = 0; i < 60; i++) {
      http.post(CMS, cm("n" + i, "{}"));
    }
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true&resourceVersion=" + rv)) {
      JsonNode error = w.next();
      assertThat(error.path("type").asText()).isEqualTo("ERROR");
      assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
      assertThat(error.path("object").path("reason").asText()).isEqualTo("Expired");
      assertThat(error.path("object").path("message").asText())
          .startsWith("too old resource version: " + rv);
    }
  }

  @Test
  void watch_bookmarks_carryCurrentResourceVersion() throws Exception {
    String rv = rv(http.post(CMS, cm("a", "{}")).body());
    try (TestHttp.Watch w =
        http.watch(CMS + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + rv)) {
      JsonNode bookmark = w.next();
      assertThat(bookmark.path("type").asText()).isEqualTo("BOOKMARK");
      assertThat(rv(bookmark.path("object"))).isEqualTo(Long.toString(server.resourceVersion()));
    }
  }

  @Test
  void watch_sendInitialEvents_endsInitialStateWithAnnotatedBookmark() throws Exception {
    http.post(CMS, cm("a", "{}"));
    http.post(CMS, cm("b", "{}"));
    try (TestHttp.Watch w =
        http.watch(
            CMS
                + "?watch=true&sendInitialEvents=true&allowWatchBookmarks=true"
                + "&resourceVersionMatch=NotOlderThan&resourceVersion=")) {
      assertThat(w.next().path("type").asText()).isEqualTo("ADDED");
      assertThat(w.next().path("type").asText()).isEqualTo("ADDED");
      JsonNode end = w.next();
      assertThat(end.path("type").asText()).isEqualTo("BOOKMARK");
      assertThat(
              end.path("object")
                  .path("metadata")
                  .path("annotations")
                  .path("k8s.io/initial-events-end")
                  .asText())
          .isEqualTo("true");
    }
  }

  @Test
  void watch_labelSelector_objectLeavingSelectorIsDeleted() throws Exception {
    http.post(CMS, cm("a", "{\"app\":\"x\"}"));
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true&labelSelector=app%3Dx")) {
      assertThat(w.next().path("type").asText()).isEqualTo("ADDED");
      http.patch(
          CMS + "/a",
          "application/merge-patch+json",
          "{\"metadata\":{\"labels\":{\"app\":\"y\"}}}");
      assertThat(w.next().path("type").asText()).isEqualTo("DELETED");
      http.patch(
          CMS + "/a",
          "application/merge-patch+json",
          "{\"metadata\":{\"labels\":{\"app\":\"x\"}}}");
      assertThat(w.next().path("type").asText()).isEqualTo("ADDED");
    }
  }

  @Test
  void watch_timeoutSeconds_endsStream() throws Exception {
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true&timeoutSeconds=1")) {
      long start = System.nanoTime();
      while (!w.ended && System.nanoTime() - start < 5_000_000_000L) {
        Thread.sleep(20);
      }
      assertThat(w.ended).isTrue();
    }
  }

  @Test
  void watch_namespaceScope_seesOnlyItsNamespace() throws Exception {
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"other\"}}");
    try (TestHttp.Watch w = http.watch(CMS + "?watch=true")) {
      http.post("/api/v1/namespaces/other/configmaps", cm("elsewhere", "{}"));
      http.post(CMS, cm("here", "{}"));
      assertThat(w.next().path("object").path("metadata").path("name").asText()).isEqualTo("here");
    }
  }
}
