package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EmbeddedKube(https = false)
class EmbeddedKubeTest {
  private final EmbeddedApiServer injectedInConstructor;
  private EmbeddedApiServer injectedBeforeEach;

  EmbeddedKubeTest(EmbeddedApiServer server) {
    this.injectedInConstructor = server;
  }

  @BeforeEach
  void setUp(EmbeddedApiServer server) {
    this.injectedBeforeEach = server;
  }

  @Test
  void parameter_isOneRunningServerPerClass(EmbeddedApiServer server) {
    assertThat(server).isSameAs(injectedBeforeEach).isSameAs(injectedInConstructor);
    assertThat(server.url().getScheme()).isEqualTo("http");
    assertThat(new TestHttp(server).get("/api/v1/namespaces/default").code()).isEqualTo(200);
  }

  @Test
  void parameter_stateIsSharedAcrossTheClass(EmbeddedApiServer server) {
    assertThat(server).isSameAs(injectedInConstructor);
  }
}
