package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.rest.RESTClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkPartitionTest {
  private final EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start();
  private final NetworkPartition net = NetworkPartition.start(server.url());
  private final RESTClient direct = RESTClient.forConfig(server.restConfig(), "v1");
  private final RESTClient proxied =
      RESTClient.forConfig(
          net.restConfig(server.restConfig())
              .newBuilder()
              // Bounds the REST layer's retries of a reset GET.
              .requestTimeout(Duration.ofSeconds(3))
              .build(),
          "v1");

  @AfterEach
  void stop() {
    proxied.close();
    direct.close();
    net.close();
    server.close();
  }

  private static int namespaces(RESTClient client) {
    return client.get().resource("namespaces").execute(JsonNode.class).path("items").size();
  }

  @Test
  void proxy_open_passesHttpsThrough() {
    assertThat(net.url().getScheme()).isEqualTo("https");
    assertThat(namespaces(proxied)).isEqualTo(namespaces(direct));
    assertThat(net.connectionCount()).isPositive();
  }

  @Test
  void cut_failsRequestsOfThatClientOnly_andHealRestoresThem() {
    assertThat(namespaces(proxied)).isPositive();
    net.cut();
    assertThat(net.mode()).isEqualTo(NetworkPartition.Mode.CUT);
    assertThatThrownBy(() -> namespaces(proxied)).isInstanceOf(KubeClientException.class);
    assertThat(net.resetCount()).isPositive();
    assertThat(namespaces(direct)).isPositive();
    net.heal();
    assertThat(namespaces(proxied)).isPositive();
  }

  @Test
  void blackhole_makesRequestsHangUntilTheClientGivesUp() {
    assertThat(namespaces(proxied)).isPositive();
    net.blackhole();
    try (RESTClient impatient =
        RESTClient.forConfig(
            net.restConfig(server.restConfig())
                .newBuilder()
                .readTimeout(Duration.ofMillis(500))
                .requestTimeout(Duration.ofSeconds(2))
                .build(),
            "v1")) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> namespaces(impatient)).isInstanceOf(KubeClientException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
    net.heal();
    assertThat(namespaces(proxied)).isPositive();
  }
}
