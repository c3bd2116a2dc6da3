package dev.kubeclient.benchmarks;

import java.util.function.Supplier;

/** The informer implementations the informer benchmarks compare, selected by a JMH param. */
public enum InformerPeer {
  /** kube-client's SharedIndexInformer through its SharedInformerFactory. */
  KUBECLIENT(KubeClientInformer::new),
  /** fabric8 kubernetes-client's {@code inform()}. */
  FABRIC8(Fabric8Informer::new),
  /** The official Kubernetes Java client's SharedInformerFactory. */
  OFFICIAL(OfficialInformer::new);

  private final Supplier<? extends InformerAdapter> factory;

  InformerPeer(Supplier<? extends InformerAdapter> factory) {
    this.factory = factory;
  }

  /** A new, unstarted informer of this peer. */
  public InformerAdapter newInformer() {
    return factory.get();
  }
}
