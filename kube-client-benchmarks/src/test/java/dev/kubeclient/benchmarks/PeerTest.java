package dev.kubeclient.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
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
    RetainedHeap.Result result = RetainedHeap.measure(peer, 500, 100);

    // A decoded pod holds at least its strings; far below 1 KB would mean the pods were dropped.
    assertThat(result.bytesPerPod()).isGreaterThan(1_000);
  }
}
