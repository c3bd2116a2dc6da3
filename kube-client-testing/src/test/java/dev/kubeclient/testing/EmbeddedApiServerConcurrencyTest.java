package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bounded stress over HTTP: optimistic concurrency and watch completeness under contention. */
class EmbeddedApiServerConcurrencyTest {
  private static final String CM = "/api/v1/namespaces/default/configmaps/counter";

  @Test
  void update_concurrentReadModifyWrite_losesNoIncrement() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          try (EmbeddedApiServer server =
              EmbeddedApiServer.newBuilder().https(false).build().start()) {
            TestHttp http = new TestHttp(server);
            http.post(
                "/api/v1/namespaces/default/configmaps",
                "{\"metadata\":{\"name\":\"counter\"},\"data\":{\"n\":\"0\"}}");
            int threads = 6;
            int each = 40;
            AtomicInteger conflicts = new AtomicInteger();
            try (TestHttp.Watch watch =
                http.watch(
                    "/api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name%3Dcounter")) {
              List<Thread> workers = new ArrayList<>();
              for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> increment(http, each, conflicts));
                worker.start();
                workers.add(worker);
              }
              for (Thread w : workers) {
                w.join();
              }
              JsonNode last = null;
              long previousRv = 0;
              for (int i = 0; i < 1 + threads * each; i++) {
                last = watch.next();
                long rv =
                    Long.parseLong(
                        last.path("object").path("metadata").path("resourceVersion").asText());
                assertThat(rv).isGreaterThan(previousRv);
                previousRv = rv;
              }
              assertThat(last.path("object").path("data").path("n").asInt())
                  .isEqualTo(threads * each);
            }
            JsonNode finalState = http.get(CM).body();
            assertThat(finalState.path("data").path("n").asInt()).isEqualTo(threads * each);
            assertThat(conflicts.get()).as("contention produced 409s").isPositive();
          }
        });
  }

  private static void increment(TestHttp http, int times, AtomicInteger conflicts) {
    int done = 0;
    while (done < times) {
      ObjectNode current = (ObjectNode) http.get(CM).body();
      int n = current.path("data").path("n").asInt();
      ((ObjectNode) current.path("data")).put("n", Integer.toString(n + 1));
      TestHttp.Response r = http.put(CM, current.toString());
      if (r.code() == 200) {
        done++;
      } else if (r.code() == 409) {
        conflicts.incrementAndGet();
      } else {
        throw new AssertionError("unexpected " + r.code() + ": " + r.body());
      }
    }
  }
}
