package dev.kubeclient.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The built-in resources the server serves. */
public final class BuiltinTypes {
  private BuiltinTypes() {}

  private static final List<String> ALL = ResourceType.ALL_VERBS;
  private static final List<String> READ_CREATE =
      List.of("create", "delete", "get", "list", "patch", "update", "watch");

  /** Every built-in resource. */
  public static List<ResourceType> all() {
    List<ResourceType> t = new ArrayList<>();
    t.add(
        type(
            "",
            "v1",
            "namespaces",
            "Namespace",
            false,
            READ_CREATE,
            List.of("ns"),
            List.of(),
            Set.of("status", "finalize")));
    t.add(type("", "v1", "configmaps", "ConfigMap", true, ALL, List.of("cm"), List.of(), Set.of()));
    t.add(type("", "v1", "secrets", "Secret", true, ALL, List.of(), List.of(), Set.of()));
    t.add(
        type("", "v1", "pods", "Pod", true, ALL, List.of("po"), List.of("all"), Set.of("status")));
    t.add(
        type(
            "",
            "v1",
            "services",
            "Service",
            true,
            ALL,
            List.of("svc"),
            List.of("all"),
            Set.of("status")));
    t.add(
        type(
            "",
            "v1",
            "serviceaccounts",
            "ServiceAccount",
            true,
            ALL,
            List.of("sa"),
            List.of(),
            Set.of()));
    t.add(type("", "v1", "events", "Event", true, ALL, List.of("ev"), List.of(), Set.of()));
    t.add(type("", "v1", "nodes", "Node", false, ALL, List.of("no"), List.of(), Set.of("status")));
    t.add(type("", "v1", "endpoints", "Endpoints", true, ALL, List.of("ep"), List.of(), Set.of()));
    t.add(
        type(
            "",
            "v1",
            "persistentvolumeclaims",
            "PersistentVolumeClaim",
            true,
            ALL,
            List.of("pvc"),
            List.of(),
            Set.of("status")));
    t.add(
        type(
            "apps",
            "v1",
            "deployments",
            "Deployment",
            true,
            ALL,
            List.of("deploy"),
            List.of("all"),
            Set.of("status", "scale")));
    t.add(
        type(
            "apps",
            "v1",
            "replicasets",
            "ReplicaSet",
            true,
            ALL,
            List.of("rs"),
            List.of("all"),
            Set.of("status", "scale")));
    t.add(
        type(
            "apps",
            "v1",
            "statefulsets",
            "StatefulSet",
            true,
            ALL,
            List.of("sts"),
            List.of("all"),
            Set.of("status", "scale")));
    t.add(
        type(
            "apps",
            "v1",
            "daemonsets",
            "DaemonSet",
            true,
            ALL,
            List.of("ds"),
            List.of("all"),
            Set.of("status")));
    t.add(
        type("batch", "v1", "jobs", "Job", true, ALL, List.of(), List.of("all"), Set.of("status")));
    t.add(
        type(
            "batch",
            "v1",
            "cronjobs",
            "CronJob",
            true,
            ALL,
            List.of("cj"),
            List.of("all"),
            Set.of("status")));
    t.add(
        type(
            "coordination.k8s.io",
            "v1",
            "leases",
            "Lease",
            true,
            ALL,
            List.of(),
            List.of(),
            Set.of()));
    t.add(
        type(
            "apiextensions.k8s.io",
            "v1",
            "customresourcedefinitions",
            "CustomResourceDefinition",
            false,
            ALL,
            List.of("crd", "crds"),
            List.of(),
            Set.of("status")));
    return t;
  }

  private static ResourceType type(
      String group,
      String version,
      String plural,
      String kind,
      boolean namespaced,
      List<String> verbs,
      List<String> shortNames,
      List<String> categories,
      Set<String> subresources) {
    return new ResourceType(
        group,
        version,
        plural,
        kind.toLowerCase(java.util.Locale.ROOT),
        kind,
        namespaced,
        verbs,
        shortNames,
        categories,
        subresources,
        true);
  }
}
