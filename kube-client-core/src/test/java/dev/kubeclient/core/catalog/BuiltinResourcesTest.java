package dev.kubeclient.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinResourcesTest {

  private static ResourceInfo find(String group, String version, String resource) {
    return BuiltinResources.ALL.stream()
        .filter(
            r ->
                r.group().equals(group)
                    && r.version().equals(version)
                    && r.resource().equals(resource))
        .findFirst()
        .orElseThrow(() -> new AssertionError("missing " + group + "/" + version + "/" + resource));
  }

  private static ResourceInfo.Subresource sub(ResourceInfo r, String name) {
    return r.subresources().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("missing subresource " + name + " of " + r));
  }

  @Test
  void all_pods_haveEveryVerbScopeAndSubresources() {
    ResourceInfo pods = find("", "v1", "pods");
    assertThat(pods.kind()).isEqualTo("Pod");
    assertThat(pods.singularName()).isEqualTo("pod");
    assertThat(pods.namespaced()).isTrue();
    assertThat(pods.apiVersion()).isEqualTo("v1");
    assertThat(pods.verbs())
        .containsExactly(
            "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    assertThat(pods.shortNames()).containsExactly("po");
    assertThat(pods.categories()).containsExactly("all");
    assertThat(pods.subresources())
        .extracting(ResourceInfo.Subresource::name)
        .contains("attach", "binding", "eviction", "exec", "log", "portforward", "proxy", "status");
    assertThat(sub(pods, "exec").kind()).isEqualTo("PodExecOptions");
    assertThat(sub(pods, "exec").verbs()).containsExactly("create", "get");
    assertThat(sub(pods, "eviction").group()).isEqualTo("policy");
    assertThat(sub(pods, "log").verbs()).containsExactly("get");
    assertThat(sub(pods, "status").verbs()).containsExactly("get", "patch", "update");
  }

  @Test
  void all_deployments_scaleSubresourceIsAutoscalingScale() {
    ResourceInfo deployments = find("apps", "v1", "deployments");
    assertThat(deployments.apiVersion()).isEqualTo("apps/v1");
    assertThat(deployments.shortNames()).containsExactly("deploy");
    ResourceInfo.Subresource scale = sub(deployments, "scale");
    assertThat(List.of(scale.group(), scale.version(), scale.kind()))
        .containsExactly("autoscaling", "v1", "Scale");
  }

  @Test
  void all_clusterScopedAndCreateOnlyResources_areDescribed() {
    assertThat(find("", "v1", "namespaces").namespaced()).isFalse();
    assertThat(find("", "v1", "nodes").namespaced()).isFalse();
    ResourceInfo crds = find("apiextensions.k8s.io", "v1", "customresourcedefinitions");
    assertThat(crds.namespaced()).isFalse();
    assertThat(crds.shortNames()).containsExactly("crd", "crds");
    assertThat(find("apiregistration.k8s.io", "v1", "apiservices").kind()).isEqualTo("APIService");
    ResourceInfo reviews = find("authentication.k8s.io", "v1", "tokenreviews");
    assertThat(reviews.verbs()).containsExactly("create");
    assertThat(sub(find("", "v1", "serviceaccounts"), "token").kind()).isEqualTo("TokenRequest");
  }

  @Test
  void all_entries_areUniqueAndComplete() {
    Set<String> keys = new HashSet<>();
    for (ResourceInfo r : BuiltinResources.ALL) {
      assertThat(keys.add(r.apiVersion() + "/" + r.resource())).as(r.toString()).isTrue();
      assertThat(r.kind()).as(r.resource()).isNotEmpty();
      assertThat(r.verbs()).as(r.resource()).isNotEmpty();
    }
    assertThat(BuiltinResources.ALL.size()).isGreaterThan(80);
  }

  @Test
  void constructor_emptyResource_isRejectedWithTheKind() {
    assertThatThrownBy(
            () ->
                new ResourceInfo(
                    "", "v1", "", "x", "X", true, List.of(), List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X");
  }

  @Test
  void lists_areImmutable() {
    assertThatThrownBy(() -> find("", "v1", "pods").verbs().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
