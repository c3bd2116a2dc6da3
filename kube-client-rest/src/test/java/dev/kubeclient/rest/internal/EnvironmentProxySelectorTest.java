package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenarios of Go's {@code httpproxy} tests for the variables client-go honours. */
class EnvironmentProxySelectorTest {
  private static String select(Map<String, String> env, String url) {
    Proxy p = new EnvironmentProxySelector(env).select(URI.create(url)).get(0);
    if (p.type() == Proxy.Type.DIRECT) {
      return "DIRECT";
    }
    InetSocketAddress a = (InetSocketAddress) p.address();
    return p.type() + " " + a.getHostString() + ":" + a.getPort();
  }

  @Test
  void select_httpsUsesHttpsProxy_httpUsesHttpProxy() {
    Map<String, String> env =
        Map.of("HTTPS_PROXY", "https://secure:8443", "http_proxy", "plain:3128");
    assertThat(select(env, "https://api.example:6443")).isEqualTo("HTTP secure:8443");
    assertThat(select(env, "http://api.example")).isEqualTo("HTTP plain:3128");
    assertThat(select(Map.of("https_proxy", "socks5://s"), "https://a")).isEqualTo("SOCKS s:1080");
  }

  @Test
  void select_noProxyRules_bypass() {
    Map<String, String> env =
        Map.of(
            "HTTPS_PROXY", "http://p:3128",
            "NO_PROXY", "internal.example, .corp,10.0.0.0/8,exact:6443,[fd00::1]");
    assertThat(select(env, "https://api.internal.example")).isEqualTo("DIRECT");
    assertThat(select(env, "https://internal.example")).isEqualTo("DIRECT");
    assertThat(select(env, "https://x.corp")).isEqualTo("DIRECT");
    assertThat(select(env, "https://10.1.2.3:6443")).isEqualTo("DIRECT");
    assertThat(select(env, "https://11.1.2.3:6443")).isEqualTo("HTTP p:3128");
    assertThat(select(env, "https://exact:6443")).isEqualTo("DIRECT");
    assertThat(select(env, "https://exact:443")).isEqualTo("HTTP p:3128");
    assertThat(select(env, "https://notinternal.example")).isEqualTo("HTTP p:3128");
    assertThat(select(env, "https://localhost:6443")).isEqualTo("DIRECT");
    assertThat(select(env, "https://127.0.0.1:6443")).isEqualTo("DIRECT");
  }

  @Test
  void select_star_bypassesAll() {
    assertThat(select(Map.of("HTTPS_PROXY", "p:1", "NO_PROXY", "*"), "https://a"))
        .isEqualTo("DIRECT");
  }

  @Test
  void select_nothingSet_direct() {
    EnvironmentProxySelector s = new EnvironmentProxySelector(Map.of());
    assertThat(s.isConfigured()).isFalse();
    assertThat(select(Map.of(), "https://a")).isEqualTo("DIRECT");
  }

  /** Scenarios of Go's {@code httpproxy} {@code TestUseProxy} rules for NO_PROXY entries. */
  @org.junit.jupiter.params.ParameterizedTest(name = "NO_PROXY={0}: {1} -> {2}")
  @org.junit.jupiter.params.provider.CsvSource({
    "example.com, https://example.com, DIRECT",
    "example.com, https://api.example.com, DIRECT",
    "example.com, https://notexample.com, PROXY",
    ".example.com, https://example.com, PROXY",
    ".example.com, https://api.example.com, DIRECT",
    "*.example.com, https://example.com, PROXY",
    "*.example.com, https://a.b.example.com, DIRECT",
    "example.com:443, https://example.com, DIRECT",
    "example.com:443, https://example.com:6443, PROXY",
    "192.168.1.2:81, http://192.168.1.2:81, DIRECT",
    "192.168.1.2:81, http://192.168.1.2, PROXY",
    "192.168.1.2, http://192.168.1.2:9999, DIRECT",
    "10.0.0.0/30, https://10.0.0.3, DIRECT",
    "10.0.0.0/30, https://10.0.0.4, PROXY",
    "2001:db8::/32, https://[2001:db8::5]:6443, DIRECT",
    "'[2001:db8::1]:443', https://[2001:db8::1], DIRECT",
    "'[2001:db8::1]:443', https://[2001:db8::1]:6443, PROXY",
    "'', https://127.example.com, PROXY",
    "'', https://127.0.0.5:6443, DIRECT",
    "'', https://[::1]:6443, DIRECT",
    "'', https://localhost, DIRECT",
    "'*', https://anything.example, DIRECT",
    "'a.example, *', https://b.example, DIRECT",
    "':80', http://example.com, PROXY",
  })
  void select_noProxyEntry_matchesAsGo(String noProxy, String url, String expected) {
    Map<String, String> env =
        Map.of("HTTPS_PROXY", "http://p:3128", "HTTP_PROXY", "http://p:3128", "NO_PROXY", noProxy);
    assertThat(select(env, url)).isEqualTo(expected.equals("DIRECT") ? "DIRECT" : "HTTP p:3128");
  }
}
