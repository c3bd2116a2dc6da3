package dev.kubeclient.benchmarks;

import java.util.function.Supplier;

/**
 * The model implementations a benchmark compares, selected by a JMH {@code @Param}; each constant
 * makes the adapters of one peer, so that adding a peer means adding a constant here and nothing in
 * the benchmarks.
 */
public enum Peer {
  /** kube-client's generated models with its own codec. */
  KUBECLIENT(KubeClientCodec::new),
  /** fabric8 kubernetes-client's models with Jackson 3. */
  FABRIC8(Fabric8Codec::new),
  /** The official Kubernetes Java client's models with Gson. */
  OFFICIAL(OfficialClientCodec::new);

  private final Supplier<? extends PodCodec> codec;

  Peer(Supplier<? extends PodCodec> codec) {
    this.codec = codec;
  }

  /** Returns a new decoder of single pods for this peer. */
  public PodDecoder decoder() {
    return codec.get();
  }

  /** Returns a new encoder of single pods for this peer. */
  public PodEncoder encoder() {
    return codec.get();
  }

  /** Returns a new decoder of pod lists for this peer. */
  public PodListDecoder listDecoder() {
    return codec.get();
  }
}
