package dev.kubeclient.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodFixturesTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void podJson_sameIndex_sameBytes() {
    assertThat(PodFixtures.podJson(42)).isEqualTo(PodFixtures.podJson(42));
  }

  @Test
  void podJson_realisticPod_isAboutFiveKilobytes() throws IOException {
    byte[] json = PodFixtures.podJson(7);
    JsonNode pod = mapper.readTree(json);

    assertThat(json.length).isBetween(4_500, 6_500);
    assertThat(pod.at("/metadata/managedFields")).hasSize(2);
    assertThat(pod.at("/spec/containers")).hasSize(2);
    assertThat(pod.at("/spec/containers/0/env").size()).isGreaterThanOrEqualTo(3);
    assertThat(pod.at("/spec/containers/0/livenessProbe/httpGet/port").asInt()).isEqualTo(8080);
    assertThat(pod.at("/spec/volumes").size()).isGreaterThanOrEqualTo(3);
    assertThat(pod.at("/status/conditions").size()).isGreaterThanOrEqualTo(4);
    assertThat(pod.at("/status/containerStatuses")).hasSize(2);
  }

  @Test
  void podJson_manyIndexes_distinctNamesUidsAndIps() throws IOException {
    Set<String> names = new HashSet<>();
    Set<String> uids = new HashSet<>();
    Set<String> ips = new HashSet<>();
    int count = 2_000;
    for (int i = 0; i < count; i++) {
      JsonNode pod = mapper.readTree(PodFixtures.podJson(i));
      names.add(pod.at("/metadata/namespace").asText() + "/" + pod.at("/metadata/name").asText());
      uids.add(pod.at("/metadata/uid").asText());
      ips.add(pod.at("/status/podIP").asText());
      assertThat(pod.at("/metadata/name").asText()).isEqualTo(PodFixtures.podName(i));
    }
    assertThat(names).hasSize(count);
    assertThat(uids).hasSize(count);
    assertThat(ips).hasSize(count);
  }

  @Test
  void podListJson_count_holdsThatManyItemsInOrder() throws IOException {
    JsonNode list = mapper.readTree(PodFixtures.podListJson(25));

    assertThat(list.get("kind").asText()).isEqualTo("PodList");
    assertThat(list.get("items")).hasSize(25);
    assertThat(list.at("/items/24/metadata/name").asText()).isEqualTo(PodFixtures.podName(24));
  }

  @Test
  void podJson_negativeIndex_throwsNamingIndex() {
    assertThatThrownBy(() -> PodFixtures.podJson(-1)).hasMessageContaining("-1");
  }
}
