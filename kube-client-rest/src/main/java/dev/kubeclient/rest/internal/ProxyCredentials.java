package dev.kubeclient.rest.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Connection;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * Sends the user and password of a proxy URL ({@code http://user:pass@proxy:3128}, from the
 * kubeconfig's {@code proxy-url} or {@code HTTPS_PROXY}/{@code HTTP_PROXY}) as a basic {@code
 * Proxy-Authorization} header up front, as Go's transport does: on the {@code CONNECT} that opens a
 * tunnel for https (OkHttp's preemptive proxy authentication), and on each plain-http request sent
 * through the proxy. The header never goes inside a tunnel, so the API server does not see it. A
 * proxy that still answers 407 is not asked again.
 *
 * <p>SOCKS proxies get no credentials: the JDK takes SOCKS credentials only from the process-wide
 * {@link java.net.Authenticator}.
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class ProxyCredentials implements Authenticator, Interceptor {
  /** Basic credentials by the proxy's {@code host:port}. */
  private final Map<String, String> byAddress;

  private ProxyCredentials(Map<String, String> byAddress) {
    this.byAddress = Map.copyOf(byAddress);
  }

  /** The credentials in the user info of {@code proxies}; empty when none has any. */
  public static ProxyCredentials of(Collection<URI> proxies) {
    Map<String, String> map = new LinkedHashMap<>();
    for (URI uri : proxies) {
      String userInfo = uri.getUserInfo();
      if (userInfo == null || userInfo.isEmpty()) {
        continue;
      }
      Proxy p = EnvironmentProxySelector.toProxy(uri);
      if (p.type() != Proxy.Type.HTTP) {
        continue;
      }
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      String password = colon < 0 ? "" : userInfo.substring(colon + 1);
      map.putIfAbsent(
          key((InetSocketAddress) p.address()),
          Credentials.basic(user, password, StandardCharsets.UTF_8));
    }
    return new ProxyCredentials(map);
  }

  /** Whether there is nothing to send. */
  public boolean isEmpty() {
    return byAddress.isEmpty();
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response) {
    if (route == null || response.request().header("Proxy-Authorization") != null) {
      return null;
    }
    String credential = credentialFor(route.proxy());
    return credential == null
        ? null
        : response.request().newBuilder().header("Proxy-Authorization", credential).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (connection != null && !request.isHttps()) {
      String credential = credentialFor(connection.route().proxy());
      if (credential != null) {
        request = request.newBuilder().header("Proxy-Authorization", credential).build();
      }
    }
    return chain.proceed(request);
  }

  private @Nullable String credentialFor(Proxy proxy) {
    if (proxy.type() != Proxy.Type.HTTP || !(proxy.address() instanceof InetSocketAddress a)) {
      return null;
    }
    return byAddress.get(key(a));
  }

  private static String key(InetSocketAddress a) {
    return a.getHostString().toLowerCase(Locale.ROOT) + ":" + a.getPort();
  }

  @Override
  public String toString() {
    return "ProxyCredentials" + byAddress.keySet();
  }
}
