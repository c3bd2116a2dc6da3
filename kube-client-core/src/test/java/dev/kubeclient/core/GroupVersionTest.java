package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupVersionTest {

  @Test
  void parse_coreAndNamedGroups_splitAtSlash() {
    assertThat(GroupVersion.parse("v1")).isEqualTo(new GroupVersion("", "v1"));
    assertThat(GroupVersion.parse("apps/v1")).isEqualTo(new GroupVersion("apps", "v1"));
    assertThat(GroupVersion.parse("").isEmpty()).isTrue();
    assertThat(GroupVersion.parse("apps/v1").toString()).isEqualTo("apps/v1");
    assertThat(GroupVersion.parse("v1").toString()).isEqualTo("v1");
  }

  @Test
  void parse_twoSlashes_throwsWithText() {
    assertThatThrownBy(() -> GroupVersion.parse("a/b/c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a/b/c\"");
  }

  @Test
  void parseKindArg_fullyQualified_splitsIntoKindVersionGroup() {
    assertThat(GroupVersionKind.parseKindArg("Deployment.v1.apps"))
        .isEqualTo(new GroupVersionKind("apps", "v1", "Deployment"));
    assertThat(GroupVersionKind.parseKindArg("Ingress.v1.networking.k8s.io"))
        .isEqualTo(new GroupVersionKind("networking.k8s.io", "v1", "Ingress"));
    assertThat(GroupVersionKind.parseKindArg("Deployment.apps")).isNull();
    assertThat(GroupVersionKind.parseKindArg("Pod")).isNull();
  }

  @Test
  void parseResourceArg_fullyQualified_splitsIntoResourceVersionGroup() {
    assertThat(GroupVersionResource.parseResourceArg("deployments.v1.apps"))
        .isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
    assertThat(GroupVersionResource.parseResourceArg("pods")).isNull();
  }

  @Test
  void toString_matchesClientGoForms() {
    assertThat(GroupVersionKind.of("apps/v1", "Deployment").toString())
        .isEqualTo("apps/v1, Kind=Deployment");
    assertThat(GroupVersionKind.of("v1", "Pod").apiVersion()).isEqualTo("v1");
    assertThat(GroupVersionResource.of("v1", "pods").toString()).isEqualTo("v1, Resource=pods");
  }
}
