package dev.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.rest.Transport;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery against the embedded API server over HTTPS, aggregated and legacy. */
@EmbeddedKube
class DiscoveryClientTest {
  private Transport transport;
  private DiscoveryClient discovery;

  @BeforeEach
  void open(EmbeddedApiServer server) {
    transport = Transport.forConfig(server.restConfig());
    discovery = new DiscoveryClient(transport);
  }

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void serverVersion_isTheServersKubernetesVersion() {
    var info = discovery.serverVersion();
    assertThat(info.getMajor()).isEqualTo("1");
    assertThat(info.getMinor()).isEqualTo("36");
    assertThat(info.getGitVersion()).startsWith("v1.36.");
  }

  @Test
  void serverGroups_coreFirstThenNamedGroups() {
    for (DiscoveryClient d : List.of(discovery, discovery.withLegacy())) {
      var groups = d.serverGroups().getGroups();
      assertThat(groups.get(0).getName()).isEmpty();
      assertThat(groups.get(0).getPreferredVersion().getGroupVersion()).isEqualTo("v1");
      assertThat(groups)
          .extracting(APIGroup::getName)
          .contains("apps", "batch", "rbac.authorization.k8s.io");
      APIGroup autoscaling =
          groups.stream().filter(g -> g.getName().equals("autoscaling")).findFirst().orElseThrow();
      assertThat(autoscaling.getPreferredVersion().getVersion()).isEqualTo("v2");
    }
  }

  @Test
  void serverResourcesForGroupVersion_listsResourcesWithVerbs() {
    var apps = discovery.serverResourcesForGroupVersion("apps/v1").getResources();
    APIResource deployments =
        apps.stream().filter(r -> r.getName().equals("deployments")).findFirst().orElseThrow();
    assertThat(deployments.getNamespaced()).isTrue();
    assertThat(deployments.getKind()).isEqualTo("Deployment");
    assertThat(deployments.getVerbs()).contains("get", "list", "watch", "create", "patch");
    assertThat(discovery.serverResourcesForGroupVersion("v1").getResources())
        .extracting(APIResource::getName)
        .contains("pods", "pods/status", "namespaces");
    assertThatThrownBy(() -> discovery.serverResourcesForGroupVersion("nosuch.example.com/v1"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> discovery.serverResourcesForGroupVersion("/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupVersion must look like 'v1' or 'apps/v1': '/v1'");
  }

  /** Aggregated discovery and the per-group legacy requests see the same built-ins. */
  @Test
  void serverGroupsAndResources_aggregatedAndLegacyAgree() {
    GroupsAndResources aggregated = discovery.serverGroupsAndResources();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      GroupsAndResources legacy =
          discovery.withLegacy().withExecutor(pool).serverGroupsAndResources();
      assertThat(names(aggregated)).isEqualTo(names(legacy));
      assertThat(aggregated.groups())
          .extracting(APIGroup::getName)
          .isEqualTo(legacy.groups().stream().map(APIGroup::getName).toList());
      assertThat(names(aggregated).get("apps/v1"))
          .contains("deployments", "deployments/status", "deployments/scale");
      APIResource scale =
          aggregated.resources().stream()
              .filter(l -> l.getGroupVersion().equals("apps/v1"))
              .flatMap(l -> l.getResources().stream())
              .filter(r -> r.getName().equals("deployments/scale"))
              .findFirst()
              .orElseThrow();
      assertThat(scale.getGroup() + "/" + scale.getVersion() + " " + scale.getKind())
          .isEqualTo("autoscaling/v1 Scale");
    } finally {
      pool.shutdownNow();
    }
  }

  /** A CRD created while the client is in use is discovered by both forms at once. */
  @Test
  void crdCreatedDuringTest_isDiscovered(EmbeddedApiServer server) {
    assertThat(names(discovery.serverGroupsAndResources()))
        .doesNotContainKey("disco.example.com/v1");
    server.create(TestCrds.crd("disco.example.com", "gadgets", "Gadget", "gd"));
    for (DiscoveryClient d : List.of(discovery, discovery.withLegacy())) {
      GroupsAndResources found = d.serverGroupsAndResources();
      assertThat(names(found).get("disco.example.com/v1"))
          .containsExactly("gadgets", "gadgets/status");
      APIResource gadgets =
          found.resources().stream()
              .filter(l -> l.getGroupVersion().equals("disco.example.com/v1"))
              .findFirst()
              .orElseThrow()
              .getResources()
              .get(0);
      assertThat(gadgets.getKind()).isEqualTo("Gadget");
      assertThat(gadgets.getShortNames()).containsExactly("gd");
      assertThat(gadgets.getSingularName()).isEqualTo("gadget");
      assertThat(gadgets.getNamespaced()).isTrue();
    }
  }

  /** Scenario of client-go's {@code TestServerPreferredResources}, against the server. */
  @Test
  void serverPreferredResources_takeEachResourceInThePreferredVersion() {
    for (DiscoveryInterface d : List.of(discovery, discovery.withLegacy())) {
      Map<String, TreeSet<String>> preferred = names(d.serverPreferredResources());
      assertThat(preferred.get("autoscaling/v2")).contains("horizontalpodautoscalers");
      assertThat(preferred.get("autoscaling/v1")).doesNotContain("horizontalpodautoscalers");
      assertThat(preferred.values())
          .allSatisfy(names -> assertThat(names).noneMatch(n -> n.contains("/")));
      Map<String, TreeSet<String>> namespaced = names(d.serverPreferredNamespacedResources());
      assertThat(namespaced.get("v1"))
          .contains("pods", "configmaps")
          .doesNotContain("namespaces", "nodes");
      assertThat(namespaced.get("rbac.authorization.k8s.io/v1"))
          .containsExactly("rolebindings", "roles");
    }
  }

  private static Map<String, TreeSet<String>> names(GroupsAndResources found) {
    return names(found.resources());
  }

  private static Map<String, TreeSet<String>> names(List<APIResourceList> lists) {
    Map<String, TreeSet<String>> result = new TreeMap<>();
    for (APIResourceList l : lists) {
      TreeSet<String> names = result.computeIfAbsent(l.getGroupVersion(), k -> new TreeSet<>());
      l.getResources().forEach(r -> names.add(r.getName()));
    }
    return result;
  }
}
