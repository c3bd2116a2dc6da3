package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestConfigTest {
  @Test
  void build_defaults_matchClientGo() {
    RestConfig c = RestConfig.builder().host("https://10.0.0.1:6443").build();
    assertThat(c.host()).isEqualTo("https://10.0.0.1:6443");
    assertThat(c.isSecure()).isTrue();
    assertThat(c.qps()).isEqualTo(5);
    assertThat(c.burst()).isEqualTo(10);
    assertThat(c.apiPath()).isEmpty();
    assertThat(c.userAgent()).matches("kube-client/\\S+ \\(\\S+/\\S+\\)");
    assertThat(c.impersonate().isEnabled()).isFalse();
  }

  @Test
  void host_trailingSlash_dropped() {
    assertThat(RestConfig.builder().host("http://h:8080/prefix/").build().host())
        .isEqualTo("http://h:8080/prefix");
  }

  @Test
  void newBuilder_copiesEverything() {
    RestConfig a =
        RestConfig.builder()
            .host("https://h")
            .bearerToken("t")
            .qps(50)
            .burst(100)
            .caData("ca".getBytes(StandardCharsets.US_ASCII))
            .impersonate(ImpersonationConfig.user("u"))
            .build();
    RestConfig b = a.newBuilder().userAgent("x/1").build();
    assertThat(b.bearerToken()).isEqualTo("t");
    assertThat(b.qps()).isEqualTo(50);
    assertThat(b.burst()).isEqualTo(100);
    assertThat(b.caData()).isEqualTo(a.caData());
    assertThat(b.impersonate().userName()).isEqualTo("u");
    assertThat(b.userAgent()).isEqualTo("x/1");
    assertThat(a.userAgent()).isNotEqualTo("x/1");
  }

  @Test
  void byteArrays_copiedInAndOut() {
    byte[] ca = {1, 2, 3};
    RestConfig c = RestConfig.builder().host("https://h").caData(ca).build();
    ca[0] = 9;
    assertThat(c.caData()).containsExactly(1, 2, 3);
    c.caData()[1] = 9;
    assertThat(c.caData()).containsExactly(1, 2, 3);
  }

  @Test
  void toString_redactsSecrets() {
    RestConfig c =
        RestConfig.builder()
            .host("https://h")
            .bearerToken("tok-SECRET")
            .certData("cert".getBytes(StandardCharsets.US_ASCII))
            .keyData("key-SECRET".getBytes(StandardCharsets.US_ASCII))
            .execProvider(
                ExecConfig.builder().command("aws").env("AWS_SECRET", "env-SECRET").build())
            .build();
    assertThat(c.toString())
        .doesNotContain("SECRET\"")
        .doesNotContain("tok-SECRET")
        .doesNotContain("key-SECRET")
        .doesNotContain("env-SECRET")
        .contains("REDACTED");
    RestConfig basic =
        RestConfig.builder().host("https://h").basicAuth("admin", "pw-SECRET").build();
    assertThat(basic.toString()).doesNotContain("pw-SECRET").contains("admin");
  }

  /** As client-go's {@code ExecConfig.String}: arguments and environment are hidden whole. */
  @Test
  void toString_proxyPasswordExecArgsAndEnv_redacted() {
    RestConfig c =
        RestConfig.builder()
            .host("https://h")
            .proxyUrl(java.net.URI.create("http://user:proxy-SECRET@proxy.corp:3128"))
            .execProvider(
                ExecConfig.builder()
                    .command("get-token")
                    .args(java.util.List.of("--client-secret", "arg-SECRET"))
                    .env("TOKEN", "env-SECRET")
                    .build())
            .build();
    assertThat(c.toString())
        .doesNotContain("SECRET")
        .contains("proxyUrl=http://user:xxxxx@proxy.corp:3128")
        .contains("command=get-token")
        .contains("args=[--- REDACTED ---]")
        .contains("env={--- REDACTED ---}");
    assertThat(c.execProvider().toString()).doesNotContain("SECRET");
    assertThatThrownBy(
            () ->
                RestConfig.builder()
                    .proxyUrl(java.net.URI.create("ftp://user:proxy-SECRET@proxy.corp")))
        .hasMessageContaining("ftp://user:xxxxx@proxy.corp")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void builder_badArguments_failAtOnceNamingTheValue() {
    RestConfig.Builder b = RestConfig.builder();
    assertThatThrownBy(() -> b.host("ftp://h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host must be an http or https URL, not 'ftp://h'");
    assertThatThrownBy(() -> b.host("https://h?x=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'https://h?x=1'");
    assertThatThrownBy(() -> b.host(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host is empty");
    assertThatThrownBy(() -> b.host(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("host == null");
    assertThatThrownBy(() -> b.qps(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("qps must be positive: 0.0");
    assertThatThrownBy(() -> b.burst(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst must be at least 1: 0");
    assertThatThrownBy(() -> b.apiPath("api"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiPath must start with '/': 'api'");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive: PT0S");
    assertThatThrownBy(() -> b.readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readTimeout must be zero or positive: PT-1S");
    assertThatThrownBy(() -> b.proxyUrl(URI.create("ftp://p")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ftp://p'");
    assertThatThrownBy(() -> b.userAgent(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userAgent is blank");
    assertThatThrownBy(() -> b.warningHandler(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("warningHandler == null");
    assertThatThrownBy(() -> RestConfig.builder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("host == null");
    assertThatThrownBy(
            () -> RestConfig.builder().host("https://h").certData(new byte[] {1}).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("certificate set, key unset");
    assertThatThrownBy(
            () ->
                RestConfig.builder()
                    .host("https://h")
                    .basicAuth("admin", "pw")
                    .bearerToken("t0ken")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("basic auth and a bearer token (or token file) cannot both be set");
  }

  @Test
  void execConfig_badArguments_rejected() {
    assertThatThrownBy(() -> ExecConfig.builder().apiVersion("v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'v1'");
    assertThatThrownBy(() -> ExecConfig.builder().command(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("command is blank");
    assertThatThrownBy(() -> ExecConfig.builder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("command == null");
    assertThatThrownBy(() -> ExecConfig.InteractiveMode.parse("Sometimes"))
        .hasMessageContaining("'Sometimes'");
    assertThat(ExecConfig.InteractiveMode.parse("IfAvailable"))
        .isEqualTo(ExecConfig.InteractiveMode.IF_AVAILABLE);
  }

  @Test
  void impersonation_copiesCollections() {
    List<String> groups = new java.util.ArrayList<>(List.of("a"));
    ImpersonationConfig i = new ImpersonationConfig(null, null, groups, java.util.Map.of());
    groups.add("b");
    assertThat(i.groups()).containsExactly("a");
    assertThat(i.isEnabled()).isTrue();
    assertThat(ImpersonationConfig.NONE.isEnabled()).isFalse();
  }
}
