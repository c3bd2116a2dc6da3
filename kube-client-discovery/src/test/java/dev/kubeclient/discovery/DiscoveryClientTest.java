package dev.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.rest.Transport;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import org.junit.jupiter.api.Test;

/** Discovery against the embedded API server over HTTPS. */
@EmbeddedKube
class DiscoveryClientTest {
  @Test
  void serverVersion_reportsMajorMinorAndGitVersion(EmbeddedApiServer server) {
    try (Transport t = Transport.forConfig(server.restConfig())) {
      var info = new DiscoveryClient(t).serverVersion();
      assertThat(info.getMajor()).isNotEmpty();
      assertThat(info.getGitVersion()).startsWith("v");
    }
  }

  @Test
  void serverGroups_coreFirstThenNamedGroups(EmbeddedApiServer server) {
    try (Transport t = Transport.forConfig(server.restConfig())) {
      var groups = new DiscoveryClient(t).serverGroups().getGroups();
      assertThat(groups.get(0).getName()).isEmpty();
      assertThat(groups.get(0).getPreferredVersion().getGroupVersion()).isEqualTo("v1");
      assertThat(groups)
          .extracting(APIGroup::getName)
          .contains("apps", "batch", "rbac.authorization.k8s.io");
    }
  }

  @Test
  void serverResourcesForGroupVersion_listsResourcesWithVerbs(EmbeddedApiServer server) {
    try (Transport t = Transport.forConfig(server.restConfig())) {
      DiscoveryClient d = new DiscoveryClient(t);
      var apps = d.serverResourcesForGroupVersion("apps/v1").getResources();
      APIResource deployments =
          apps.stream().filter(r -> r.getName().equals("deployments")).findFirst().orElseThrow();
      assertThat(deployments.getNamespaced()).isTrue();
      assertThat(deployments.getKind()).isEqualTo("Deployment");
      assertThat(deployments.getVerbs()).contains("get", "list", "watch", "create", "patch");
      assertThat(d.serverResourcesForGroupVersion("v1").getResources())
          .extracting(APIResource::getName)
          .contains("pods", "pods/status", "namespaces");
      assertThatThrownBy(() -> d.serverResourcesForGroupVersion("nosuch.example.com/v1"))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> d.serverResourcesForGroupVersion("/v1"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("groupVersion must look like 'v1' or 'apps/v1': '/v1'");
    }
  }
}
