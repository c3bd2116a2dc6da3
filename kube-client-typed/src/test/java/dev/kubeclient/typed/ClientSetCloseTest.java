package dev.kubeclient.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** {@link ClientSet#close()} ends the watches and log streams of its clients. */
class ClientSetCloseTest {
  private static final String ADDED =
      "{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
          + "\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"5\"}}}\n";

  private static MockResponse heldOpenAfter(String first) {
    return new MockResponse()
        .setBody(first + "x".repeat(64))
        .throttleBody(first.length(), 60, TimeUnit.SECONDS);
  }

  @Test
  void close_blockedWatchAndFollowedLog_bothReturn() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(heldOpenAfter(ADDED));
      server.enqueue(heldOpenAfter("line\n"));
      ClientSet cs =
          ClientSet.newForConfig(RestConfig.builder().host(server.url("/").toString()).build());
      Watch<Pod> w = cs.coreV1().pods("ns").watch(ListOptions.none());
      assertThat(w.next().object().getMetadata().getName()).isEqualTo("a");
      InputStream log = cs.coreV1().pods("ns").getLogs("a", PodLogOptions.none().follow());
      byte[] line = new byte[5];
      assertThat(log.read(line)).isPositive();
      CompletableFuture<Boolean> watching = CompletableFuture.supplyAsync(w::hasNext);
      CompletableFuture<Integer> reading =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  byte[] rest = new byte[64];
                  int n;
                  while ((n = log.read(rest)) >= 0 && rest[0] != 'x') {
                    // The rest of the first line, if the first read was short.
                  }
                  return n;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      TimeUnit.MILLISECONDS.sleep(100);
      assertThat(watching).isNotDone();
      assertThat(reading).isNotDone();
      cs.close();
      assertThat(watching.get(5, TimeUnit.SECONDS)).isFalse();
      assertThatThrownBy(() -> reading.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseInstanceOf(IOException.class);
    }
  }
}
