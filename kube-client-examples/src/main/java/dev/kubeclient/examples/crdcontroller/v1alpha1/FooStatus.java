package dev.kubeclient.examples.crdcontroller.v1alpha1;

import org.jspecify.annotations.Nullable;

/**
 * What the controller last observed of a {@link Foo}, written through the status subresource: the
 * available replicas of its Deployment, and which generation of the Foo's spec that reflects.
 */
public final class FooStatus {
  private @Nullable Integer availableReplicas;
  private @Nullable Long observedGeneration;

  /** An empty status. */
  public FooStatus() {}

  /** The Deployment's available replicas. */
  public @Nullable Integer getAvailableReplicas() {
    return availableReplicas;
  }

  /** Sets the available replicas. */
  public void setAvailableReplicas(@Nullable Integer availableReplicas) {
    this.availableReplicas = availableReplicas;
  }

  /** The Foo's metadata.generation this status was computed for. */
  public @Nullable Long getObservedGeneration() {
    return observedGeneration;
  }

  /** Sets the observed generation. */
  public void setObservedGeneration(@Nullable Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FooStatus other
        && java.util.Objects.equals(availableReplicas, other.availableReplicas)
        && java.util.Objects.equals(observedGeneration, other.observedGeneration);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(availableReplicas, observedGeneration);
  }

  @Override
  public String toString() {
    return "FooStatus{availableReplicas="
        + availableReplicas
        + ", observedGeneration="
        + observedGeneration
        + "}";
  }
}
