package dev.kubeclient.rest.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a proxy from {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (upper or lower
 * case) like Go's {@code http.ProxyFromEnvironment}, which client-go uses by default: https URLs
 * use HTTPS_PROXY, http URLs HTTP_PROXY; NO_PROXY lists hosts, domain suffixes ({@code
 * .example.com} or {@code example.com}), IPs, CIDR blocks, optional ports, or {@code *}. As in Go,
 * requests to localhost and loopback addresses never use a proxy.
 */
public final class EnvironmentProxySelector extends ProxySelector {
  private final @Nullable URI httpsProxy;
  private final @Nullable URI httpProxy;
  private final List<String> noProxy;

  /** Reads the variables from {@code env}. */
  public EnvironmentProxySelector(Map<String, String> env) {
    this.httpsProxy = proxyUri(get(env, "HTTPS_PROXY"));
    this.httpProxy = proxyUri(get(env, "HTTP_PROXY"));
    List<String> np = new ArrayList<>();
    String raw = get(env, "NO_PROXY");
    if (raw != null) {
      for (String part : raw.split(",")) {
        String p = part.strip().toLowerCase(Locale.ROOT);
        if (!p.isEmpty()) {
          np.add(p);
        }
      }
    }
    this.noProxy = List.copyOf(np);
  }

  /** Whether any proxy is configured. */
  public boolean isConfigured() {
    return httpsProxy != null || httpProxy != null;
  }

  @Override
  public List<Proxy> select(URI uri) {
    URI proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
    if (proxy == null || bypass(uri.getHost(), uri.getPort())) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(toProxy(proxy));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}

  /** Converts a proxy URL ({@code http}, {@code https}, {@code socks5}) to a JDK proxy. */
  public static Proxy toProxy(URI proxy) {
    String scheme = proxy.getScheme() == null ? "http" : proxy.getScheme().toLowerCase(Locale.ROOT);
    boolean socks = scheme.startsWith("socks");
    int port = proxy.getPort();
    if (port < 0) {
      port = socks ? 1080 : scheme.equals("https") ? 443 : 80;
    }
    return new Proxy(
        socks ? Proxy.Type.SOCKS : Proxy.Type.HTTP,
        InetSocketAddress.createUnresolved(proxy.getHost(), port));
  }

  boolean bypass(@Nullable String host, int port) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.startsWith("127.") || h.equals("::1")) {
      return true;
    }
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String e = entry;
      int entryPort = -1;
      int colon = e.lastIndexOf(':');
      if (colon > 0 && e.indexOf(':') == colon) {
        try {
          entryPort = Integer.parseInt(e.substring(colon + 1));
          e = e.substring(0, colon);
        } catch (NumberFormatException ignored) {
          // Not a port: keep the entry whole.
        }
      }
      if (entryPort >= 0 && entryPort != port) {
        continue;
      }
      if (e.contains("/")) {
        if (Cidr.contains(e, h)) {
          return true;
        }
        continue;
      }
      String domain = e.startsWith(".") ? e.substring(1) : e;
      if (h.equals(domain) || h.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String get(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isEmpty()) {
      v = env.get(name.toLowerCase(Locale.ROOT));
    }
    return v == null || v.isEmpty() ? null : v;
  }

  private static @Nullable URI proxyUri(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.contains("://") ? value : "http://" + value;
    try {
      URI uri = URI.create(v);
      return uri.getHost() == null ? null : uri;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
