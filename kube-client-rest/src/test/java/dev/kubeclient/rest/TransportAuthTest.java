package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.rest.internal.InsecureCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which credential a transport sends, and to which servers, as client-go decides. */
class TransportAuthTest {
  @TempDir Path dir;

  private ExecConfig pluginThatMustNotRun() {
    return ExecConfig.builder()
        .command(dir.resolve("plugin-that-does-not-exist").toString())
        .interactiveMode(ExecConfig.InteractiveMode.NEVER)
        .build();
  }

  /**
   * As client-go's {@code exec.UpdateTransportConfig} (kubectl with {@code --token} and an exec
   * user): a static token, token file, basic auth or client certificate wins over the plugin.
   */
  @Test
  void staticCredentialAndExecPlugin_staticWinsAndPluginNeverRuns() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("{}").build());
      RestConfig config =
          RestConfig.builder()
              .host(server.url("/").toString())
              .bearerToken("static-token")
              .execProvider(pluginThatMustNotRun())
              .build();
      try (Transport t = Transport.forConfig(config)) {
        RESTClient.forTransport(t, "v1").get().resource("pods").execute();
      }
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer static-token");
    }
    Path tokenFile = Files.writeString(dir.resolve("token"), "t");
    RestConfig.Builder base =
        RestConfig.builder().host("https://h").execProvider(pluginThatMustNotRun());
    for (RestConfig c :
        List.of(
            base.build().newBuilder().bearerTokenFile(tokenFile).build(),
            base.build().newBuilder().basicAuth("u", "p").build(),
            base.build().newBuilder().certData(new byte[1]).keyData(new byte[1]).build())) {
      assertThat(Transport.usesExecPlugin(c)).as(c.toString()).isFalse();
    }
    assertThat(Transport.usesExecPlugin(base.build())).isTrue();
  }

  @Test
  void credentials_plainHttpServer_sentWithOneWarningPerConfig() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      for (RestConfig.Builder credentials :
          List.of(
              RestConfig.builder().bearerToken("s3cret"),
              RestConfig.builder().basicAuth("u", "p"))) {
        RestConfig config = credentials.host(server.url("/").toString()).build();
        server.enqueue(new MockResponse.Builder().body("{}").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        try (Transport a = Transport.forConfig(config);
            Transport b = Transport.forConfig(config)) {
          RESTClient.forTransport(a, "v1").get().resource("pods").execute();
          RESTClient.forTransport(b, "v1").get().resource("pods").execute();
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNotNull();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNotNull();
        assertThat(InsecureCredentials.warnOnce(config)).as("already warned").isFalse();
      }
    }
    RestConfig secure = RestConfig.builder().host("https://h").bearerToken("t").build();
    RestConfig noCredentials = RestConfig.builder().host("http://h").build();
    assertThat(InsecureCredentials.warnOnce(secure)).isFalse();
    assertThat(InsecureCredentials.warnOnce(noCredentials)).isFalse();
    RestConfig fresh = RestConfig.builder().host("http://h").bearerToken("t").build();
    assertThat(InsecureCredentials.warnOnce(fresh)).isTrue();
    assertThat(InsecureCredentials.warnOnce(fresh)).isFalse();
  }
}
