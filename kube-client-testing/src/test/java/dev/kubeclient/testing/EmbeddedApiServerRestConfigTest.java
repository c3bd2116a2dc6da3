package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.clientcmd.KubeConfigLoader;
import org.junit.jupiter.api.Test;

/** The server's {@code restConfig()} and kubeconfig work with our own RESTClient. */
class EmbeddedApiServerRestConfigTest {
  @Test
  void restConfig_https_authenticatesWithClientCertificate() {
    try (EmbeddedApiServer server =
            EmbeddedApiServer.newBuilder().authentication(true).build().start();
        RESTClient core = RESTClient.forConfig(server.restConfig(), "v1")) {
      JsonNode ns = core.get().resource("namespaces").name("default").execute(JsonNode.class);
      assertThat(ns.path("metadata").path("name").asText()).isEqualTo("default");
      RestConfig anonymous =
          RestConfig.builder()
              .host(server.url().toString())
              .caData(server.caCertificatePem().getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .build();
      try (RESTClient noCert = RESTClient.forConfig(anonymous, "v1")) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> noCert.get().resource("namespaces").execute(JsonNode.class))
            .hasMessageContaining("401");
      }
    }
  }

  @Test
  void restConfig_httpWithAuthentication_carriesAdminToken() {
    try (EmbeddedApiServer server =
        EmbeddedApiServer.newBuilder().https(false).authentication(true).build().start()) {
      String token = tokenOf(server);
      assertThat(new TestHttp(server, null, token).get("/api/v1/namespaces").body().path("items"))
          .hasSize(4);
      assertThat(new TestHttp(server).get("/api/v1/namespaces").code()).isEqualTo(401);
      assertThat(server.restConfig().bearerToken()).isEqualTo(token);
      assertThat(server.restConfig().toString()).doesNotContain(token);
    }
  }

  private static String tokenOf(EmbeddedApiServer server) {
    String yaml = server.kubeconfigYaml();
    int at = yaml.indexOf("token: ");
    return yaml.substring(at + 7).split("\\s")[0].replace("\"", "");
  }

  @Test
  void kubeconfig_loadsWithKubeConfigLoader() {
    try (EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start()) {
      RestConfig config = KubeConfigLoader.fromYaml(server.kubeconfigYaml());
      try (RESTClient apps =
          RESTClient.forConfig(config.newBuilder().qps(100).burst(100).build(), "apps/v1")) {
        JsonNode deployments =
            apps.get().namespace("default").resource("deployments").execute(JsonNode.class);
        assertThat(deployments.path("kind").asText()).isEqualTo("DeploymentList");
      }
    }
  }
}
