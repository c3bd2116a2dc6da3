package dev.kubeclient.rest.internal;

import java.io.IOException;
import java.net.InetAddress;
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
 * Chooses a proxy from {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (upper case
 * first, then lower case) like Go's {@code http.ProxyFromEnvironment} ({@code
 * golang.org/x/net/http/httpproxy}), which client-go uses by default: https URLs use HTTPS_PROXY,
 * http URLs HTTP_PROXY, and a proxy value without a scheme means {@code http://}.
 *
 * <p>NO_PROXY is a comma-separated list, matched as Go matches it: {@code *} bypasses the proxy for
 * every host; an IP address ({@code 10.0.0.1}, {@code [fd00::1]:6443}) or CIDR block ({@code
 * 10.0.0.0/8}) matches addresses; {@code example.com} matches that host and its subdomains, while
 * {@code .example.com} and {@code *.example.com} match subdomains only; an optional {@code :port}
 * restricts an entry to that port (the URL's default port when it names none). Requests to {@code
 * localhost} and loopback addresses never use a proxy. No DNS lookups are made.
 */
public final class EnvironmentProxySelector extends ProxySelector {
  private final @Nullable URI httpsProxy;
  private final @Nullable URI httpProxy;
  private final boolean bypassAll;
  private final List<NoProxyEntry> noProxy;

  /** One NO_PROXY entry: an IP, a CIDR block or a domain, with an optional port. */
  private record NoProxyEntry(
      @Nullable String cidr,
      @Nullable InetAddress ip,
      @Nullable String domain,
      boolean matchHost,
      int port) {}

  /** Reads the variables from {@code env}. */
  public EnvironmentProxySelector(Map<String, String> env) {
    this.httpsProxy = proxyUri(get(env, "HTTPS_PROXY"));
    this.httpProxy = proxyUri(get(env, "HTTP_PROXY"));
    List<NoProxyEntry> entries = new ArrayList<>();
    boolean all = false;
    String raw = get(env, "NO_PROXY");
    if (raw != null) {
      for (String part : raw.split(",")) {
        String p = part.strip().toLowerCase(Locale.ROOT);
        if (p.equals("*")) {
          all = true;
        } else if (!p.isEmpty()) {
          NoProxyEntry e = parseEntry(p);
          if (e != null) {
            entries.add(e);
          }
        }
      }
    }
    this.bypassAll = all;
    this.noProxy = List.copyOf(entries);
  }

  /** Whether any proxy is configured. */
  public boolean isConfigured() {
    return httpsProxy != null || httpProxy != null;
  }

  /** The proxies this selector may choose, with their user info, for proxy credentials. */
  public List<URI> proxies() {
    List<URI> out = new ArrayList<>(2);
    if (httpsProxy != null) {
      out.add(httpsProxy);
    }
    if (httpProxy != null) {
      out.add(httpProxy);
    }
    return out;
  }

  @Override
  public List<Proxy> select(URI uri) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    URI proxy = https ? httpsProxy : httpProxy;
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    if (proxy == null || bypass(uri.getHost(), port)) {
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

  /** Go's {@code useProxy}, negated: whether a request to {@code host:port} goes direct. */
  boolean bypass(@Nullable String host, int port) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    InetAddress ip = IpLiterals.parse(h);
    if (h.equals("localhost") || (ip != null && ip.isLoopbackAddress())) {
      return true;
    }
    if (bypassAll) {
      return true;
    }
    for (NoProxyEntry e : noProxy) {
      if (e.cidr() != null) {
        if (ip != null && Cidr.contains(e.cidr(), h)) {
          return true;
        }
      } else if (e.ip() != null) {
        if (ip != null && e.ip().equals(ip) && (e.port() < 0 || e.port() == port)) {
          return true;
        }
      } else if (e.domain() != null
          && (h.endsWith(e.domain()) || (e.matchHost() && h.equals(e.domain().substring(1))))
          && (e.port() < 0 || e.port() == port)) {
        return true;
      }
    }
    return false;
  }

  /** Parses an entry as Go's {@code httpproxy.config.init} does; null for a malformed one. */
  private static @Nullable NoProxyEntry parseEntry(String p) {
    int slash = p.indexOf('/');
    if (slash > 0 && IpLiterals.parse(p.substring(0, slash)) != null) {
      return new NoProxyEntry(p, null, null, false, -1);
    }
    String host = p;
    int port = -1;
    int colon = p.lastIndexOf(':');
    boolean bracketed = p.startsWith("[") && p.contains("]");
    if (colon > 0 && (bracketed ? p.indexOf("]:") == colon - 1 : p.indexOf(':') == colon)) {
      try {
        port = Integer.parseInt(p.substring(colon + 1));
        host = p.substring(0, colon);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      return null;
    }
    InetAddress ip = IpLiterals.parse(host);
    if (ip != null) {
      return new NoProxyEntry(null, ip, null, false, port);
    }
    if (host.startsWith("*.")) {
      host = host.substring(1);
    }
    boolean matchHost = !host.startsWith(".");
    return new NoProxyEntry(null, null, matchHost ? "." + host : host, matchHost, port);
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
