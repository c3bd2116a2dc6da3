package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link GroupKind} and {@link GroupResource}, as apimachinery's {@code schema} parses them. */
class GroupKindTest {
  /** Scenarios of apimachinery's {@code TestParseGroupKind} and {@code ParseGroupResource}. */
  @Test
  void parse_splitsAtTheFirstDot() {
    assertThat(GroupKind.parse("Deployment.apps")).isEqualTo(new GroupKind("apps", "Deployment"));
    assertThat(GroupKind.parse("Ingress.networking.k8s.io"))
        .isEqualTo(new GroupKind("networking.k8s.io", "Ingress"));
    assertThat(GroupKind.parse("Pod")).isEqualTo(new GroupKind("", "Pod"));
    assertThat(GroupResource.parse("deployments.apps"))
        .isEqualTo(new GroupResource("apps", "deployments"));
    assertThat(GroupResource.parse("pods")).isEqualTo(new GroupResource("", "pods"));
  }

  @Test
  void toStringAndVersions_roundTrip() {
    assertThat(new GroupKind("apps", "Deployment").toString()).isEqualTo("Deployment.apps");
    assertThat(new GroupKind("", "Pod").toString()).isEqualTo("Pod");
    assertThat(new GroupResource("apps", "deployments").withVersion("v1"))
        .isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
    assertThat(new GroupVersionKind("apps", "v1", "Deployment").groupKind())
        .isEqualTo(new GroupKind("apps", "Deployment"));
    assertThat(new GroupVersionResource("", "v1", "pods").groupResource().toString())
        .isEqualTo("pods");
  }
}
