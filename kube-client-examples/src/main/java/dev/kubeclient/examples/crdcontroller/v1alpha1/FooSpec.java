package dev.kubeclient.examples.crdcontroller.v1alpha1;

import org.jspecify.annotations.Nullable;

/** What a {@link Foo} asks for: a Deployment named {@code deploymentName} of {@code replicas}. */
public final class FooSpec {
  private @Nullable String deploymentName;
  private @Nullable Integer replicas;

  /** An empty spec. */
  public FooSpec() {}

  /** The name of the Deployment the Foo owns. */
  public @Nullable String getDeploymentName() {
    return deploymentName;
  }

  /** Sets the Deployment's name. */
  public void setDeploymentName(@Nullable String deploymentName) {
    this.deploymentName = deploymentName;
  }

  /** Sets the Deployment's name, fluently. */
  public FooSpec deploymentName(@Nullable String deploymentName) {
    this.deploymentName = deploymentName;
    return this;
  }

  /** The Deployment's replicas; null leaves the Deployment's default (1). */
  public @Nullable Integer getReplicas() {
    return replicas;
  }

  /** Sets the replicas. */
  public void setReplicas(@Nullable Integer replicas) {
    this.replicas = replicas;
  }

  /** Sets the replicas, fluently. */
  public FooSpec replicas(@Nullable Integer replicas) {
    this.replicas = replicas;
    return this;
  }

  @Override
  public String toString() {
    return "FooSpec{deploymentName=" + deploymentName + ", replicas=" + replicas + "}";
  }
}
