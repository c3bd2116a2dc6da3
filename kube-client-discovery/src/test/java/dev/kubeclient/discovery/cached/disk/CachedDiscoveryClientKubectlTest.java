package dev.kubeclient.discovery.cached.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.discovery.FakeDiscovery;
import dev.kubeclient.discovery.TestKubectl;
import dev.kubeclient.testing.EmbeddedApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl and this cache share files: each reads what the other wrote, in the same directory.
 * Skipped when kubectl is not on the PATH.
 */
class CachedDiscoveryClientKubectlTest {
  @TempDir Path home;
  @TempDir Path cache;

  private static String kubectl() {
    return TestKubectl.find();
  }

  private String run(String kubectl, Path kubeconfig, String... args) throws Exception {
    return TestKubectl.run(kubectl, kubeconfig, cache, home, args);
  }

  /** A delegate that fails every request: answers must come from the files. */
  private static FakeDiscovery unreachable() {
    FakeDiscovery fake = new FakeDiscovery().failGroups(FakeDiscovery.apiError(503));
    fake.fail("apps/v1", FakeDiscovery.apiError(503));
    return fake;
  }

  @Test
  void kubectlsCache_isFoundAndReadByThisClient() throws Exception {
    String kubectl = kubectl();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    try (EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start()) {
      run(kubectl, server.kubeconfigPath(), "api-resources");
      Path dir =
          CachedDiscoveryClient.discoveryCacheDir(
              cache.resolve("discovery"), server.restConfig().host());
      assertThat(dir.resolve("servergroups.json")).exists();
      assertThat(dir.resolve("apps/v1/serverresources.json")).exists();
      CachedDiscoveryClient client =
          new CachedDiscoveryClient(unreachable(), dir, Duration.ofHours(6));
      assertThat(client.serverGroups().getGroups())
          .extracting(APIGroup::getName)
          .contains("", "apps");
      assertThat(client.serverResourcesForGroupVersion("apps/v1").getResources())
          .extracting(APIResource::getName)
          .contains("deployments", "deployments/scale");
      assertThat(client.fresh()).isFalse();
    }
  }

  @Test
  void thisClientsCache_isReadByKubectlWithTheServerGone() throws Exception {
    String kubectl = kubectl();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    Path kubeconfig = home.resolve("kubeconfig");
    try (EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start()) {
      Files.writeString(kubeconfig, server.kubeconfigYaml());
      try (CachedDiscoveryClient client =
          CachedDiscoveryClient.forConfig(server.restConfig(), cache, Duration.ofHours(6))) {
        client.serverGroupsAndResources();
      }
    }
    String out = run(kubectl, kubeconfig, "api-resources", "--cached", "--api-group=apps");
    assertThat(out).contains("deployments", "deploy", "Deployment", "statefulsets");
  }
}
