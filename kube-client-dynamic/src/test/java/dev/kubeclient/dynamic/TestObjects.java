package dev.kubeclient.dynamic;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.unstructured.Unstructured;

/** Objects and resources the dynamic tests share. */
public final class TestObjects {
  /** The resource of {@link #crd}'s widgets. */
  public static final GroupVersionResource WIDGETS =
      new GroupVersionResource("dyn.example.com", "v1", "widgets");

  /** Deployments. */
  public static final GroupVersionResource DEPLOYMENTS =
      new GroupVersionResource("apps", "v1", "deployments");

  /** CustomResourceDefinitions. */
  public static final GroupVersionResource CRDS =
      new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions");

  private TestObjects() {}

  /** The CRD of widgets.dyn.example.com: namespaced, v1, status and scale subresources. */
  public static Unstructured crd() {
    return Codec.decodeYaml(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.dyn.example.com}
        spec:
          group: dyn.example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wdg]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """,
        Unstructured.class);
  }

  /** A widget named {@code name} with {@code spec.size}. */
  public static Unstructured widget(String name, long size) {
    return new Unstructured()
        .setApiVersion("dyn.example.com/v1")
        .setKind("Widget")
        .setName(name)
        .setNestedLong(size, "spec", "size");
  }

  /** A Deployment of nginx named {@code name} with {@code replicas}. */
  public static Unstructured deployment(String name, long replicas) {
    return Codec.decodeYaml(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, labels: {app: %1$s}}
        spec:
          replicas: %d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              containers: [{name: nginx, image: "nginx:1.27"}]
        """
            .formatted(name, replicas),
        Unstructured.class);
  }
}
