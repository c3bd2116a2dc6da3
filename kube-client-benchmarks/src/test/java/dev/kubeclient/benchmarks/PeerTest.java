package dev.kubeclient.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Pod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks that every peer's adapters read the fixtures fully, so the benchmarks compare alike. */
class PeerTest {

  @ParameterizedTest
  @EnumSource(Peer.class)
  void decode_fixturePod_keepsItsName(Peer peer) {
    PodDecoder decoder = peer.decoder();

    Object pod = decoder.decode(PodFixtures.podJson(3));

    assertThat(decoder.name(pod)).isEqualTo(PodFixtures.podName(3));
  }

  @ParameterizedTest
  @EnumSource(Peer.class)
  void encode_decodedPod_decodesBackToSameName(Peer peer) {
    PodDecoder decoder = peer.decoder();
    Object pod = decoder.decode(PodFixtures.podJson(5));

    byte[] json = peer.encoder().encode(pod);

    assertThat(json.length).isGreaterThan(4_000);
    assertThat(decoder.name(decoder.decode(json))).isEqualTo(PodFixtures.podName(5));
  }

  @ParameterizedTest
  @EnumSource(Peer.class)
  void decodeList_fixtureList_returnsEveryPodInOrder(Peer peer) throws IOException {
    PodListDecoder listDecoder = peer.listDecoder();
    PodDecoder decoder = peer.decoder();

    List<?> items =
        listDecoder.items(
            listDecoder.decodeList(new ByteArrayInputStream(PodFixtures.podListJson(30))));

    assertThat(items).hasSize(30);
    assertThat(decoder.name(items.get(29))).isEqualTo(PodFixtures.podName(29));
  }

  @ParameterizedTest
  @EnumSource(Peer.class)
  void measure_fewPods_retainsPositiveHeapPerPod(Peer peer) {
    RetainedHeap.Result result = RetainedHeap.measure(peer, 500, 100, false);

    // A decoded pod holds at least its strings; far below 1 KB would mean the pods were dropped.
    assertThat(result.bytesPerPod()).isGreaterThan(1_000);
  }

  @ParameterizedTest
  @EnumSource(Peer.class)
  void dropManagedFields_decodedPod_encodesWithoutManagedFields(Peer peer) {
    PodDecoder decoder = peer.decoder();
    Object pod = decoder.decode(PodFixtures.podJson(8));

    decoder.dropManagedFields(pod);

    String json = new String(peer.encoder().encode(pod), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("kube-controller-manager").contains(PodFixtures.podName(8));
  }

  @Test
  void decode_officialClient_dropsManagedFieldsItself() {
    V1Pod pod = (V1Pod) Peer.OFFICIAL.decoder().decode(PodFixtures.podJson(9));

    // The fixture has two entries; the client's Gson skips them (see OfficialClientCodec).
    assertThat(pod.getMetadata().getManagedFields()).isNullOrEmpty();
  }
}
